package io.tribu.moderation.outbox;

import io.quarkus.test.junit.QuarkusTest;
import io.tribu.platform.outbox.OutboxRelay;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The relay alone: a backlog of {@code ROWS} events of the default lane, inserted in one statement, relayed to the real
 * broker; prints the drain time, events per second and the mean time of one batch ({@code tribu.outbox.batch-size}).
 * Run with {@code mvn -pl moderation-service -am verify -Dtest=OutboxRelayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
class OutboxRelayBenchmark {

    private static final int ROWS = 40_000;
    private static final int ROUNDS = 3;
    private static final String TOPIC = "tribu.moderation.outbox-bench";

    @Inject
    Pool pool;
    @Inject
    OutboxRelay relay;

    @Test
    void drainABacklog() throws InterruptedException {
        int batchSize = ConfigProvider.getConfig()
                .getValue("tribu.outbox.batch-size", Integer.class);
        Thread.sleep(3000); // the relay starts at its first tick
        for (int round = 0; round <= ROUNDS; round++) {
            pool.preparedQuery("""
                            insert into outbox_event (id, topic, message_key, payload, created_at)
                            select gen_random_uuid(), $1, 'brand-' || (i % 50), $2, clock_timestamp() + i * interval '1 microsecond'
                            from generate_series(1, $3) i""")
                    .execute(Tuple.of(TOPIC, "{\"specversion\":\"1.0\",\"type\":\"tribu.moderation.bench.v1\",\"data\":{\"text\":\""
                            + "x".repeat(500) + "\"}}", ROWS))
                    .await().indefinitely();
            long start = System.nanoTime();
            relay.wake();
            while (waiting() > 0) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // Round 0 warms the JIT, the producer and the plans up.
            if (round > 0) {
                System.out.printf("outbox relay bench round %d: %d events in %.2f s, %.0f events/s, %.1f ms per batch of %d%n",
                        round, ROWS, seconds, ROWS / seconds, seconds * 1000 / Math.ceil((double) ROWS / batchSize), batchSize);
            }
        }
    }

    private long waiting() {
        return pool.preparedQuery("select count(*) from outbox_event where topic = $1").execute(Tuple.of(TOPIC))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
