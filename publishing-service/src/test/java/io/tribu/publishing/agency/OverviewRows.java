package io.tribu.publishing.agency;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Posts and deliveries written straight into the test database, as the workflow and delivery would leave them. */
final class OverviewRows implements AutoCloseable {

    private final Connection db;
    private final PreparedStatement post;
    private final PreparedStatement channel;
    private final PreparedStatement delivery;

    OverviewRows() throws Exception {
        var config = ConfigProvider.getConfig();
        db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        db.setAutoCommit(false);
        post = db.prepareStatement("insert into post (id, tenant, brand_id, title, status, tags, created_by, created_at) "
                + "values (?, ?, ?, 'Réveillon', ?, '{}', 'camille', ?)");
        channel = db.prepareStatement("insert into channel (id, tenant, brand_id, network, handle, base_url, credentials, "
                + "created_by, created_at, updated_at) values (?, ?, ?, 'mastodon', ?, 'https://mastodon.example', 'k:x', "
                + "'camille', ?, ?)");
        delivery = db.prepareStatement("insert into delivery (id, tenant, brand_id, post_id, channel_id, network, text, due_at, "
                + "state, next_attempt_at, outcome_at, last_error) values (?, ?, ?, ?, ?, 'mastodon', 'Réveillon', ?, ?, ?, ?, ?)");
    }

    UUID post(String tenant, String brand, String status, Instant createdAt) throws Exception {
        UUID id = UUID.randomUUID();
        post.setObject(1, id);
        post.setString(2, tenant);
        post.setString(3, brand);
        post.setString(4, status);
        post.setTimestamp(5, Timestamp.from(createdAt));
        post.addBatch();
        return id;
    }

    UUID channel(String tenant, String brand, Instant at) throws Exception {
        UUID id = UUID.randomUUID();
        channel.setObject(1, id);
        channel.setString(2, tenant);
        channel.setString(3, brand);
        channel.setString(4, "@" + id + "@mastodon.example");
        channel.setTimestamp(5, Timestamp.from(at));
        channel.setTimestamp(6, Timestamp.from(at));
        channel.addBatch();
        return id;
    }

    /** A delivery of {@code post} to {@code channel} that ended in {@code state} at {@code outcomeAt}. */
    void delivery(String tenant, String brand, UUID post, UUID channel, String state, Instant outcomeAt) throws Exception {
        delivery.setObject(1, UUID.randomUUID());
        delivery.setString(2, tenant);
        delivery.setString(3, brand);
        delivery.setObject(4, post);
        delivery.setObject(5, channel);
        delivery.setTimestamp(6, Timestamp.from(outcomeAt));
        delivery.setString(7, state);
        delivery.setTimestamp(8, Timestamp.from(outcomeAt));
        delivery.setTimestamp(9, Timestamp.from(outcomeAt));
        delivery.setString(10, state.equals("failed") ? "HTTP 401" : null);
        delivery.addBatch();
    }

    /** Writes what was added, posts and channels before the deliveries that refer to them. */
    void flush() throws Exception {
        post.executeBatch();
        channel.executeBatch();
        delivery.executeBatch();
        db.commit();
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
