package io.tribu.publishing.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * What an adapter needs to act as the account: an OAuth access token (Mastodon, Facebook, Instagram, X,
 * LinkedIn) with its refresh token, or for Bluesky the account identifier and an app password.
 * Write-only in the API; {@link #toString()} hides every value so that no log line can carry one.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ChannelCredentials", description = "Write-only: never returned, never logged")
public record ChannelCredentials(String accessToken, String refreshToken, Instant expiresAt, String identifier,
                                 String appPassword) {

    public boolean usable() {
        return present(accessToken) || (present(identifier) && present(appPassword));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "ChannelCredentials[redacted]";
    }
}
