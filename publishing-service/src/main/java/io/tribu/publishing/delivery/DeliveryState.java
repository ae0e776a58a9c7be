package io.tribu.publishing.delivery;

/** See V4__deliveries.sql. */
final class DeliveryState {
    static final String PENDING = "pending";
    static final String SENT_INTENT = "sent-intent";
    static final String PUBLISHED = "published";
    static final String FAILED = "failed";

    private DeliveryState() {
    }
}
