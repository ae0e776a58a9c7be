package io.tribu.moderation.inbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.moderation.access.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;

/**
 * The agency overview's inbox summary for 50 brands holding 2,000 items each (100,000 in the agency, a third of them
 * open): the time of GET /agency/inbox-summary seen by a client on the same machine, and PostgreSQL's own time for
 * its query. Prints figures, asserts nothing; not part of the suite (run it by name:
 * {@code mvn -pl moderation-service -am verify -Dtest=InboxSummaryBench -Dsurefire.failIfNoSpecifiedTests=false}).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InboxSummaryBench {

    static final int BRANDS = 50;
    static final int ITEMS_PER_BRAND = 2_000;

    @Inject
    AgroalDataSource database;

    @Inject
    Clock clock;

    @Test
    void fiftyBrands() throws Exception {
        String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String[] brands = IntStream.range(0, BRANDS).mapToObj(i -> "bench-brand-" + i).toArray(String[]::new);
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into inbox_item (id, tenant, brand_id, source, kind, author, text, status, published_at, received_at,
                                        version, sla_due_at, sla_breached_at, first_response_at)
                select gen_random_uuid(), ?, b, 'mastodon', 'comment', '@a' || n, 'texte ' || n,
                       (array['new','new','new','assigned','escalated','closed','closed','hidden','replied','closed'])[1 + n % 10],
                       cast(? as timestamptz) - n * interval '1 minute', cast(? as timestamptz) - n * interval '1 minute', 0, cast(? as timestamptz) - n * interval '1 minute' + interval '1 hour',
                       case when n % 50 = 0 then cast(? as timestamptz) - n * interval '1 minute' + interval '1 hour' end,
                       case when n % 10 >= 5 then cast(? as timestamptz) - n * interval '1 minute' end
                from unnest(cast(? as text[])) b, generate_series(1, ?) n""")) {
            java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
            insert.setString(1, tenant);
            for (int i = 2; i <= 6; i++) {
                insert.setTimestamp(i, now);
            }
            insert.setArray(7, c.createArrayOf("text", brands));
            insert.setInt(8, ITEMS_PER_BRAND);
            insert.executeUpdate();
            try (Statement analyze = c.createStatement()) {
                analyze.execute("vacuum analyze inbox_item");
            }
        }
        String token = TestTokens.token(tenant, "admin", brands);
        for (int i = 0; i < 30; i++) {
            given().auth().oauth2(token).when().get("/agency/inbox-summary").then().statusCode(200);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            given().auth().oauth2(token).when().get("/agency/inbox-summary").then().statusCode(200);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("inbox-summary, %d brands x %d items: client-side p50 %.1f ms, p95 %.1f ms, max %.1f ms (100 calls)%n",
                BRANDS, ITEMS_PER_BRAND, sorted[49], sorted[94], sorted[99]);
        try (Connection c = database.getConnection(); PreparedStatement explain = c.prepareStatement("""
                explain (analyze, timing off, summary on)
                select brand_id, count(*) filter (where status = 'new'), count(*),
                       count(*) filter (where sla_breached_at is not null and first_response_at is null)
                from inbox_item where tenant = ? and brand_id = any(?) and status in ('new', 'assigned', 'escalated')
                group by brand_id""")) {
            explain.setString(1, tenant);
            explain.setArray(2, c.createArrayOf("text", brands));
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    System.out.println("inbox-summary plan: " + plan.getString(1));
                }
            }
        }
    }
}
