package io.tribu.publishing.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Size;
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
public record ChannelCredentials(@Size(max = TOKEN) String accessToken, @Size(max = TOKEN) String refreshToken, Instant expiresAt,
                                 @Size(max = 256) String identifier, @Size(max = 256) String appPassword,
                                 @Size(max = 512) String clientId, @Size(max = 1024) String clientSecret) {

    /** Longest token accepted: OAuth tokens and JWTs of the networks are a few hundred to ~2,000 characters. */
    static final int TOKEN = 8192;

    /** Without an OAuth client: tokens that cannot be refreshed, or a Bluesky app password. */
    public ChannelCredentials(String accessToken, String refreshToken, Instant expiresAt, String identifier, String appPassword) {
        this(accessToken, refreshToken, expiresAt, identifier, appPassword, null, null);
    }

    /** X and LinkedIn OAuth 2.0: a refresh token and the agency's app (client id, and secret for a confidential client). */
    public boolean refreshable() {
        return present(refreshToken) && present(clientId);
    }

    /** The same credentials with the tokens a refresh gave (a network that does not rotate the refresh token keeps the old one). */
    public ChannelCredentials refreshed(String newAccessToken, String newRefreshToken, Instant newExpiresAt) {
        return new ChannelCredentials(newAccessToken, present(newRefreshToken) ? newRefreshToken : refreshToken, newExpiresAt,
                identifier, appPassword, clientId, clientSecret);
    }

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
