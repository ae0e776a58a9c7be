package io.tribu.publishing.network;

/** The network refused to refresh the channel's token (revoked, expired or already used refresh token). */
public final class RefreshRefused extends RuntimeException {

    public RefreshRefused(String reason) {
        super(reason, null, false, false);
    }
}
