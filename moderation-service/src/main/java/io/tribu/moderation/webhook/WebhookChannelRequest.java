package io.tribu.moderation.webhook;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookChannelRequest")
public record WebhookChannelRequest(
        @Schema(examples = "facebook", description = "facebook (a Page), instagram (a professional account) or generic")
        @NotNull @Pattern(regexp = "facebook|instagram|generic", message = "must be facebook, instagram or generic")
        String network,
        @Schema(examples = "104857162549213", description = "Page id or Instagram account id (facebook, instagram)")
        @Pattern(regexp = "[0-9]{1,30}", message = "must be the numeric id Meta gives the Page or account")
        String accountId,
        @Schema(description = "The Meta app's secret, which signs its deliveries (facebook, instagram); never returned",
                examples = "4f1c2a9be07d4c6f8a3b5e2d1c0f9a87")
        @Size(min = 16, max = 200, message = "must be the app secret (16 to 200 characters)")
        String appSecret) {
}
