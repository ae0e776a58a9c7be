package io.tribu.publishing.link;

/** The {@code failure.reason} values of a link answer; the network's own words stay in {@code link_request.last_error}. */
final class LinkFailures {

    /** The brand has no Instagram channel whose handle (IG user id) is the request's account id. */
    static final String NO_CHANNEL = "no-channel";
    /** Links are resolved for Instagram only. */
    static final String UNSUPPORTED_NETWORK = "unsupported-network";
    /** Graph refused the channel's token (code 190, 401): the channel needs reconnecting. */
    static final String TOKEN_REFUSED = "token-refused";
    /** Graph refused the read (the media does not exist or is not the account's) or gave no permalink. */
    static final String REFUSED = "refused";
    /** Rate limits or network errors past the attempts allowed ({@code tribu.delivery.max-attempts}). */
    static final String GAVE_UP = "gave-up";

    private LinkFailures() {
    }
}
