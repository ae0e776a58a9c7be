package io.tribu.moderation.people;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Someone of the caller's agency as their token last described them. */
@Schema(name = "Person")
public record PersonView(@Schema(description = "What assignments name (the token's preferred_username)", examples = "camille")
                         String userName,
                         @Schema(examples = "Camille Laurent") String displayName,
                         @Schema(description = "When the token carries one") String email,
                         @Schema(description = "Realm roles: admin, community-manager, analyst, client-approver") List<String> roles,
                         @Schema(description = "Their latest call to moderation, to within the recording interval") Instant lastSeenAt) {
}
