package io.tribu.publishing.bench;

import io.tribu.platform.crypto.SecretCipher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Seeds the benchmark: one brand with a Mastodon channel (credentials sealed with the replicas' key),
 * {@code count} scheduled posts with one variant each, and their deliveries, all due at {@code dueAt} or, with
 * {@code spreadSeconds} > 0, spread evenly from {@code dueAt} over that many seconds.
 * Args: jdbcUrl user password count dueAt(ISO) fakeBaseUrl keyring activeKey [spreadSeconds]
 */
public final class BenchSeed {

    private BenchSeed() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[3]);
        Instant first = Instant.parse(args[4]);
        long spreadMillis = args.length > 8 ? Long.parseLong(args[8]) * 1000 : 0;
        SecretCipher cipher = new SecretCipher(args[6], args[7]);
        UUID channel = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            db.setAutoCommit(false);
            db.createStatement().execute("truncate delivery, post_variant, post_history, post, channel, outbox_event cascade");
            try (PreparedStatement insert = db.prepareStatement("insert into channel (id, tenant, brand_id, network, handle, "
                    + "base_url, credentials, created_by, created_at, updated_at) values (?, 'bench', 'bench-brand', 'mastodon', "
                    + "'@bench@fake', ?, ?, 'bench', now(), now())")) {
                insert.setObject(1, channel);
                insert.setString(2, args[5]);
                insert.setString(3, cipher.seal("{\"accessToken\":\"fake-mastodon-token\"}", "channel:" + channel));
                insert.executeUpdate();
            }
            try (PreparedStatement post = db.prepareStatement("insert into post (id, tenant, brand_id, title, status, planned_at, "
                    + "tags, created_by, created_at) values (?, 'bench', 'bench-brand', ?, 'scheduled', ?, '{}', 'bench', now())");
                 PreparedStatement variant = db.prepareStatement(
                         "insert into post_variant (post_id, position, network, text) values (?, 0, 'mastodon', ?)");
                 PreparedStatement delivery = db.prepareStatement("insert into delivery (id, tenant, brand_id, post_id, channel_id, "
                         + "network, text, due_at, state, next_attempt_at) values (?, 'bench', 'bench-brand', ?, ?, 'mastodon', ?, ?, "
                         + "'pending', ?)")) {
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    Timestamp due = Timestamp.from(first.plusMillis(spreadMillis * i / count));
                    String text = "Bench post " + i;
                    post.setObject(1, id);
                    post.setString(2, text);
                    post.setTimestamp(3, due);
                    post.addBatch();
                    variant.setObject(1, id);
                    variant.setString(2, text);
                    variant.addBatch();
                    delivery.setObject(1, UUID.randomUUID());
                    delivery.setObject(2, id);
                    delivery.setObject(3, channel);
                    delivery.setString(4, text);
                    delivery.setTimestamp(5, due);
                    delivery.setTimestamp(6, due);
                    delivery.addBatch();
                }
                post.executeBatch();
                variant.executeBatch();
                delivery.executeBatch();
            }
            db.commit();
        }
        System.out.println("seeded " + count + " posts due at " + args[4]);
    }
}
