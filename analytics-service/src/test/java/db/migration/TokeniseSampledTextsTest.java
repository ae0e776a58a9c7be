package db.migration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The V9 backfill on texts sampled under V7, then V10's packing of the day counts, V11's numbering and V13's append-only
 * counts, in a schema of its own so the service's tables stay untouched.
 * A Quarkus test for the classpath: Flyway's PostgreSQL support comes with the extension.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TokeniseSampledTextsTest {

    static final String URL = config("quarkus.datasource.jdbc.url");
    static final String USER = config("quarkus.datasource.username");
    static final String PASSWORD = config("quarkus.datasource.password");

    static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, USER, PASSWORD).schemas("v9_backfill_test").cleanDisabled(false)
                .target(target).load();
    }

    @Test
    void textsSampledBeforeTheTermsGetThemAndTheirDaysCounts() throws Exception {
        flyway("latest").clean();
        flyway("7").migrate();
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute("set search_path to v9_backfill_test");
            sql.execute("""
                    insert into mention_text (tenant, brand_id, mention_id, bucket_start, published_at, sentiment, reach, text)
                    values ('soleil', 'cafe', gen_random_uuid(), '2026-11-20T10:00Z', '2026-11-20T10:05Z', 'negative', 1, 'Livraison en retard'),
                           ('soleil', 'cafe', gen_random_uuid(), '2026-11-20T23:00Z', '2026-11-20T23:05Z', 'negative', 1, 'Livraison perdue'),
                           ('soleil', 'cafe', gen_random_uuid(), '2026-11-21T08:00Z', '2026-11-21T08:05Z', 'positive', 1, 'Livraison rapide'),
                           ('soleil', 'cafe', gen_random_uuid(), '2026-11-21T09:00Z', '2026-11-21T09:05Z', 'neutral', 1, 'Une livraison'),
                           ('soleil', 'cafe', gen_random_uuid(), '2026-11-21T09:00Z', '2026-11-21T09:05Z', 'positive', 1, 'de la')""");
            flyway("9").migrate();

            List<String> dayCounts = List.of("2026-11-20 livraison 2 0", "2026-11-20 livraison perdue 1 0", "2026-11-20 livraison retard 1 0",
                            "2026-11-20 perdue 1 0", "2026-11-20 retard 1 0", "2026-11-21 livraison 0 1",
                            "2026-11-21 livraison rapide 0 1", "2026-11-21 rapide 0 1");
            assertEquals(dayCounts,
                    rows(sql, "select day || ' ' || term || ' ' || negative || ' ' || positive from mention_term"));
            assertEquals(List.of("{livraison,perdue,\"livraison perdue\"}", "{livraison,rapide,\"livraison rapide\"}",
                            "{livraison,retard,\"livraison retard\"}", "{livraison}", "{}"),
                    rows(sql, "select cast(terms as text) from mention_text"));

            // V10 packs them, one row per day.
            flyway("10").migrate();
            assertEquals(dayCounts, rows(sql, """
                    select day || ' ' || replace(line, chr(9), ' ') from mention_term_day, string_to_table(terms, chr(10)) as line"""));
            assertEquals(List.of("2"), rows(sql, "select count(*) from mention_term_day"));
            assertEquals(List.of("0"), rows(sql, "select count(*) from mention_term"));

            // V11 numbers the terms, packs the days by id with what intake added since, and counts the texts (term '').
            sql.execute("""
                    insert into mention_term (tenant, brand_id, day, term, negative, positive)
                    values ('soleil', 'cafe', '2026-11-21', 'livraison', 0, 1), ('soleil', 'cafe', '2026-11-21', 'rapide', 0, -1)""");
            flyway("12").migrate();
            List<String> numbered = new ArrayList<>(dayCounts);
            numbered.remove("2026-11-21 livraison 0 1");
            numbered.remove("2026-11-21 rapide 0 1");
            numbered.addAll(List.of("2026-11-21 livraison 0 2", "2026-11-20  2 0", "2026-11-21  0 1"));
            assertEquals(numbered.stream().sorted().toList(), rows(sql, """
                    select d.day || ' ' || i.term || ' ' || c.negative || ' ' || c.positive
                    from mention_term_day d cross join unpack_term_counts(d.counts) as c
                    join mention_term_id i on i.tenant = d.tenant and i.brand_id = d.brand_id and i.id = c.term_id"""));
            assertEquals(List.of("0 ", "1 livraison", "2 livraison perdue", "3 livraison rapide", "4 livraison retard",
                            "5 perdue", "6 retard"),
                    rows(sql, "select id || ' ' || term from mention_term_id"));
            assertEquals(List.of("0"), rows(sql, "select count(*) from mention_term"));

            // V13 drops the unique key on rows intake left unpacked: they stay, and intake may append the same key again.
            sql.execute("""
                    insert into mention_term (tenant, brand_id, day, term, negative, positive)
                    values ('soleil', 'cafe', '2026-11-22', 'livraison', 1, 0)""");
            flyway("latest").migrate();
            sql.execute("""
                    insert into mention_term (tenant, brand_id, day, term, negative, positive)
                    values ('soleil', 'cafe', '2026-11-22', 'livraison', 0, 1), ('soleil', 'cafe', '2026-11-22', 'livraison', -1, 0)""");
            assertEquals(List.of("2026-11-22 livraison -1 0", "2026-11-22 livraison 0 1", "2026-11-22 livraison 1 0"),
                    rows(sql, "select day || ' ' || term || ' ' || negative || ' ' || positive from mention_term"));
        } finally {
            flyway("latest").clean();
        }
    }

    /** The first column of every row, in code point order. */
    private static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows.stream().sorted().toList();
    }
}
