package io.tribu.publishing.network;

import io.tribu.publishing.channel.ChannelCredentials;

import java.util.UUID;

/** The channel an adapter acts as: where its API is and the opened credentials (never logged). */
public record Account(UUID channelId, String baseUrl, String handle, ChannelCredentials credentials) {

    @Override
    public String toString() {
        return "Account[" + channelId + ", " + baseUrl + ", " + handle + "]";
    }
}
