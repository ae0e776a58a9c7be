package db.migration;

import io.tribu.analytics.drivers.Tokenizer;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

/**
 * Texts sampled before V8 get their terms, and their days the counts, as intake gives them since: written
 * in Java because the terms are {@link Tokenizer}'s, which SQL cannot reproduce. Texts that yield no term
 * keep none and are visited again by nothing.
 */
public class V9__Tokenise_sampled_texts extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create temporary table tokenised (tenant text, brand_id text, mention_id uuid) on commit drop");
        }
        try (Statement select = connection.createStatement();
             PreparedStatement update = connection.prepareStatement(
                     "update mention_text set terms = ? where tenant = ? and brand_id = ? and mention_id = ?");
             PreparedStatement mark = connection.prepareStatement("insert into tokenised values (?, ?, ?)")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery(
                    "select tenant, brand_id, mention_id, text from mention_text where cardinality(terms) = 0")) {
                while (rows.next()) {
                    Set<String> terms = Tokenizer.terms(rows.getString(4));
                    if (terms.isEmpty()) {
                        continue;
                    }
                    update.setArray(1, connection.createArrayOf("text", terms.toArray()));
                    update.setString(2, rows.getString(1));
                    update.setString(3, rows.getString(2));
                    update.setObject(4, rows.getObject(3));
                    update.addBatch();
                    mark.setString(1, rows.getString(1));
                    mark.setString(2, rows.getString(2));
                    mark.setObject(3, rows.getObject(3));
                    mark.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        mark.executeBatch();
                        pending = 0;
                    }
                }
            }
            update.executeBatch();
            mark.executeBatch();
        }
        try (Statement count = connection.createStatement()) {
            count.executeUpdate("""
                    insert into mention_term (tenant, brand_id, day, term, negative, positive)
                    select m.tenant, m.brand_id, cast(m.bucket_start at time zone 'UTC' as date), term,
                           count(*) filter (where m.sentiment = 'negative'), count(*) filter (where m.sentiment = 'positive')
                    from mention_text m
                    join tokenised t on t.tenant = m.tenant and t.brand_id = m.brand_id and t.mention_id = m.mention_id,
                         unnest(m.terms) as term
                    where m.sentiment in ('negative', 'positive')
                    group by 1, 2, 3, 4
                    on conflict (tenant, brand_id, day, term) do update
                    set negative = mention_term.negative + excluded.negative,
                        positive = mention_term.positive + excluded.positive""");
        }
    }
}
