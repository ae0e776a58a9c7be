package io.tribu.publishing.channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A channel to connect, or the new state of a connected one. */
@Schema(name = "ChannelRequest")
public record ChannelRequest(
        @Schema(examples = "mastodon", enumeration = {"mastodon", "bluesky", "facebook", "instagram", "x", "linkedin", "youtube",
                "google_business"})
        @NotBlank @Pattern(regexp = "mastodon|bluesky|facebook|instagram|x|linkedin|youtube|google_business",
                message = "must be one of mastodon, bluesky, facebook, instagram, x, linkedin, youtube, google_business") String network,
        @Schema(examples = "@cafelumiere@mastodon.social", description = "The account: for youtube the channel id (UC…), for "
                + "google_business the location (accounts/{account}/locations/{location})")
        @NotBlank @Size(max = 200) String handle,
        @Schema(examples = "https://mastodon.social",
                description = "The Mastodon instance or Bluesky PDS (default mastodon.social, bsky.social); a public address "
                        + "unless the operator allows its network. Leave it out for x, linkedin, facebook, instagram, youtube and "
                        + "google_business: "
                        + "their API host is the operator's")
        @Size(max = 300) @Pattern(regexp = "https?://[^\\s/?#]+(:\\d+)?/?", message = "must be an http(s) origin such as https://mastodon.social")
        String baseUrl,
        @Schema(description = "Write-only; on an update, omit to keep the stored ones")
        @Valid ChannelCredentials credentials) {

    @Override
    public String toString() {
        return "ChannelRequest[network=" + network + ", handle=" + handle + ", baseUrl=" + baseUrl + "]";
    }
}
