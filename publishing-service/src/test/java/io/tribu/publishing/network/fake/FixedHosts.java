package io.tribu.publishing.network.fake;

/**
 * The ports of the fakes standing for the networks whose API host the operator sets: they must match
 * {@code %test.tribu.networks.x-url}, {@code linkedin-url}, {@code meta-url}, {@code youtube-url} and {@code google-business-url} in application.properties.
 * Below Linux's ephemeral range, so that no port-0 server of another test takes them.
 */
final class FixedHosts {
    static final int X_PORT = 18411;
    static final int LINKEDIN_PORT = 18412;
    static final int META_PORT = 18413;
    static final int YOUTUBE_PORT = 18414;
    static final int GOOGLE_BUSINESS_PORT = 18415;

    private FixedHosts() {
    }
}
