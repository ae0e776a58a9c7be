package io.tribu.moderation.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A note a moderator leaves on an item for the others (never sent to the network). */
@Schema(name = "NoteRequest")
public record NoteRequest(@Schema(examples = "Client VIP, voir avec Camille avant de répondre") @NotBlank @Size(max = 2000)
                          String text) {
}
