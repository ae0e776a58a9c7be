package io.tribu.analytics.drivers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.config.AnalyticsConfig;
import io.tribu.analytics.event.BatchRows;
import io.tribu.analytics.mention.MentionContent;
import io.tribu.analytics.mention.MentionFact;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bounded sample of mention texts behind the drivers, the crisis episodes and the report's
 * examples: the {@code tribu.mention-texts.per-hour} mentions with the largest audience of each brand,
 * hour and sentiment label (a larger one replaces the smallest), kept
 * {@code tribu.mention-texts.retention-days} days, each with its terms and, per day, the count of
 * negative and positive texts holding each term.
 */
@ApplicationScoped
public class MentionTextSample {

    private static final Logger LOG = Logger.getLogger(MentionTextSample.class);

    private final int perHour;
    private final int retentionDays;
    private final int rankedFirst;
    private final Clock clock;

    public MentionTextSample(AnalyticsConfig config, Clock clock) {
        this.perHour = config.mentionTexts().perHour();
        this.retentionDays = config.mentionTexts().retentionDays();
        this.rankedFirst = config.drivers().examplesRankedFirst();
        this.clock = clock;
    }

    public record MentionExample(UUID mentionId, Instant publishedAt, String sentiment, String author, long reach,
                                 String url, String text) {
    }

    /**
     * Adds these counted mentions' texts (as recorded, or as edited) to their hours' samples, then trims each
     * touched hour and label back to the {@code perHour} largest audiences (equal audiences: the smaller mention id stays). The terms of every
     * negative or positive text that enters the sample are added to its day in {@code mention_term}, those of
     * every text that leaves it taken off, so the day counts always describe the sample. Both are new rows
     * appended (minus ones for the texts that leave): intake never updates nor deletes a count, so it never waits
     * for the rows {@link TermDayPacker} is folding. Runs inside the intake's transaction.
     */
    public Uni<Void> keep(Mutiny.Session session, List<MentionFact> mentions) {
        BatchRows rows = new BatchRows();
        for (MentionFact mention : mentions) {
            MentionContent content = mention.content();
            String text = content.text().length() > 2000 ? content.text().substring(0, 2000) : content.text();
            ArrayNode terms = rows.add().put("tenant", mention.tenant()).put("brand", mention.brandId())
                    .put("mention", mention.mentionId().toString())
                    .put("bucket", content.publishedAt().truncatedTo(ChronoUnit.HOURS).toString())
                    .put("published", content.publishedAt().toString()).put("sentiment", content.sentiment())
                    .put("author", mention.author()).put("reach", mention.reach()).put("url", content.url())
                    .put("text", text)
                    .putArray("terms");
            Tokenizer.terms(text).forEach(terms::add);
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        with kept as (
                            insert into mention_text (tenant, brand_id, mention_id, bucket_start, published_at, sentiment,
                                                      author, reach, url, text, terms)
                            select tenant, brand, mention, bucket, published, sentiment, author, reach, url, text, terms
                            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                                 as r(tenant text, brand text, mention uuid, bucket timestamptz, published timestamptz,
                                      sentiment text, author text, reach bigint, url text, text text, terms text[])
                            on conflict (tenant, brand_id, mention_id) do nothing
                            returning tenant, brand_id, bucket_start, sentiment, terms)
                        insert into mention_term (tenant, brand_id, day, term, negative, positive)
                        %s""".formatted(termCounts("kept", 1)))
                .setParameter("rows", rows.json())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                                with touched as (
                                    select distinct tenant, brand, bucket, sentiment
                                    from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                                         as r(tenant text, brand text, bucket timestamptz, sentiment text)),
                                ranked as (
                                    select m.tenant, m.brand_id, m.mention_id,
                                           row_number() over (partition by m.tenant, m.brand_id, m.bucket_start, m.sentiment
                                                              order by m.reach desc, m.mention_id) as rank
                                    from mention_text m
                                    join touched t on m.tenant = t.tenant and m.brand_id = t.brand
                                                  and m.bucket_start = t.bucket and m.sentiment = t.sentiment),
                                dropped as (
                                    delete from mention_text m using ranked r
                                    where r.rank > :cap and m.tenant = r.tenant and m.brand_id = r.brand_id
                                      and m.mention_id = r.mention_id
                                    returning m.tenant, m.brand_id, m.bucket_start, m.sentiment, m.terms)
                                insert into mention_term (tenant, brand_id, day, term, negative, positive)
                                %s""".formatted(termCounts("dropped", -1)))
                        .setParameter("rows", rows.json())
                        .setParameter("cap", perHour)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Takes these mentions' texts out of the sample (withdrawn, or edited: the edit is offered again by {@link #keep}),
     * and their terms off their days, in appended minus rows like {@link #keep}'s. Their hours keep the texts left:
     * one that a louder one replaced earlier is not known any more. Runs inside the intake's transaction.
     */
    public Uni<Void> remove(Mutiny.Session session, List<MentionFact> mentions) {
        if (mentions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        BatchRows rows = new BatchRows();
        mentions.forEach(mention -> rows.add().put("tenant", mention.tenant()).put("brand", mention.brandId())
                .put("mention", mention.mentionId().toString()));
        return session.createNativeQuery("""
                        with removed as (
                            delete from mention_text m
                            using jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(tenant text, brand text, mention uuid)
                            where m.tenant = r.tenant and m.brand_id = r.brand and m.mention_id = r.mention
                            returning m.tenant, m.brand_id, m.bucket_start, m.sentiment, m.terms)
                        insert into mention_term (tenant, brand_id, day, term, negative, positive)
                        %s""".formatted(termCounts("removed", -1)))
                .setParameter("rows", rows.json())
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * The select of the rows adding ({@code sign} 1) or taking off (-1) the terms of the texts in {@code texts} to
     * their days, one per day and term, and each text with terms to the day's term {@code ''}: the count of texts
     * the drivers report.
     */
    private static String termCounts(String texts, int sign) {
        return """
                select tenant, brand_id, cast(bucket_start at time zone 'UTC' as date), term,
                       %1$d * count(*) filter (where sentiment = 'negative'), %1$d * count(*) filter (where sentiment = 'positive')
                from %2$s, unnest(case when cardinality(terms) > 0 then array_append(terms, '') else terms end) as term
                where sentiment in ('negative', 'positive')
                group by 1, 2, 3, 4"""
                .formatted(sign, texts);
    }

    /** Sampled mentions of the period with the given labels, largest audience first. */
    @WithSession
    public Uni<List<MentionExample>> mentions(String tenant, String brandId, Instant from, Instant to,
                                              List<String> sentiments, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select mention_id, published_at, sentiment, author, reach, url, text from mention_text
                        where tenant = :tenant and brand_id = :brand and bucket_start >= :from and bucket_start < :to
                          and sentiment in (:sentiments)
                        order by reach desc, published_at, mention_id
                        limit :limit""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", from.truncatedTo(ChronoUnit.HOURS))
                .setParameter("to", to)
                .setParameter("sentiments", sentiments)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(MentionTextSample::example).toList()));
    }

    public record Examples(Map<String, List<MentionExample>> negative, Map<String, List<MentionExample>> positive) {
    }

    /**
     * Up to {@code perTerm} sampled mentions of the period holding each term, of the term's side (negative
     * terms from negative mentions), largest audience first. The period's texts are ranked, and each term reads
     * them in that order until it has its examples: a frequent term stops after a few texts. The first
     * {@code examples-ranked-first} texts are read first, in audience order from the index (no sort); only the
     * terms they hold fewer than {@code perTerm} times read the whole ranking, which gives them the same examples.
     */
    @WithSession
    public Uni<Examples> examples(String tenant, String brandId, Instant from, Instant to, List<String> negativeTerms,
                                  List<String> positiveTerms, int perTerm) {
        if (negativeTerms.isEmpty() && positiveTerms.isEmpty()) {
            return Uni.createFrom().item(new Examples(Map.of(), Map.of()));
        }
        // A cached statement's generic plan guesses a period of a few hundred texts and sorts them (70-90 ms over
        // 90 days) instead of walking the audience index: these statements are planned with their period.
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate())
                .chain(() -> examplesRankedFirst(tenant, brandId, from, to, negativeTerms, positiveTerms, perTerm)));
    }

    private Uni<Examples> examplesRankedFirst(String tenant, String brandId, Instant from, Instant to,
                                              List<String> negativeTerms, List<String> positiveTerms, int perTerm) {
        return examples(tenant, brandId, from, to, negativeTerms, positiveTerms, perTerm, "limit " + rankedFirst)
                .chain(first -> {
                    List<String> negativeLeft = fewer(negativeTerms, first.negative(), perTerm);
                    List<String> positiveLeft = fewer(positiveTerms, first.positive(), perTerm);
                    if (negativeLeft.isEmpty() && positiveLeft.isEmpty()) {
                        return Uni.createFrom().item(first);
                    }
                    return examples(tenant, brandId, from, to, negativeLeft, positiveLeft, perTerm, "")
                            .map(rest -> {
                                first.negative().putAll(rest.negative());
                                first.positive().putAll(rest.positive());
                                return first;
                            });
                });
    }

    /** The terms with fewer than {@code perTerm} examples found. */
    private static List<String> fewer(List<String> terms, Map<String, List<MentionExample>> found, int perTerm) {
        return terms.stream().filter(term -> found.getOrDefault(term, List.of()).size() < perTerm).toList();
    }

    /**
     * The examples of the terms among the period's texts ranked by audience, the ranking cut by {@code rankLimit}
     * ({@code "limit n"}, or {@code ""} for all): a literal, so the planner knows how few texts it reads and walks
     * the audience index instead of sorting the period. Only the narrow sort key is ranked (sorting ~23,000 rows
     * with their terms spilled to disk over 30 days); a text's terms are fetched by its row address when a term
     * reads that far.
     */
    private static Uni<Examples> examples(String tenant, String brandId, Instant from, Instant to,
                                          List<String> negativeTerms, List<String> positiveTerms, int perTerm,
                                          String rankLimit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with wanted as (
                            select 'negative' as sentiment, term
                            from jsonb_array_elements_text(cast(cast(:negative as text) as jsonb)) as term
                            union all
                            select 'positive', term
                            from jsonb_array_elements_text(cast(cast(:positive as text) as jsonb)) as term),
                        -- Materialised in rank order (the lateral join keeps the order of the ranked keys), and a
                        -- CTE is read back in the order it was written, as far as the terms read it.
                        ranked as materialized (
                            select k.mention_id, k.sentiment, t.terms
                            from (select ctid, mention_id, sentiment from mention_text
                                  where tenant = :tenant and brand_id = :brand and bucket_start >= :from and bucket_start < :to
                                    and sentiment in ('negative', 'positive')
                                  order by reach desc, published_at, mention_id
                                  %s) as k
                            cross join lateral (select terms from mention_text t where t.ctid = k.ctid) as t)
                        select w.term, m.mention_id, m.published_at, m.sentiment, m.author, m.reach, m.url, m.text
                        from wanted w
                        cross join lateral (select mention_id from ranked r
                                            where r.sentiment = w.sentiment and r.terms @> array[w.term]
                                            limit :perTerm) as example
                        join mention_text m on m.tenant = :tenant and m.brand_id = :brand and m.mention_id = example.mention_id
                        order by m.reach desc, m.published_at, m.mention_id""".formatted(rankLimit), Object[].class)
                .setParameter("negative", jsonArray(negativeTerms))
                .setParameter("positive", jsonArray(positiveTerms))
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("perTerm", perTerm)
                .getResultList()
                .map(rows -> {
                    Map<String, List<MentionExample>> negative = new HashMap<>();
                    Map<String, List<MentionExample>> positive = new HashMap<>();
                    for (Object[] row : rows) {
                        ("negative".equals(row[3]) ? negative : positive)
                                .computeIfAbsent((String) row[0], term -> new ArrayList<>())
                                .add(example(Arrays.copyOfRange(row, 1, row.length)));
                    }
                    return new Examples(negative, positive);
                }));
    }

    /** A row of {@code mention_id, published_at, sentiment, author, reach, url, text}. */
    private static MentionExample example(Object[] row) {
        return new MentionExample((UUID) row[0], instant(row[1]), (String) row[2], (String) row[3],
                ((Number) row[4]).longValue(), (String) row[5], (String) row[6]);
    }

    private static String jsonArray(List<String> terms) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        terms.forEach(array::add);
        return array.toString();
    }

    /** Whole UTC days go, texts and their term counts together, so the counts keep describing the sample. */
    @Scheduled(every = "24h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        LocalDate firstKept = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(retentionDays);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from mention_text where bucket_start < :limit")
                        .setParameter("limit", firstKept.atStartOfDay(ZoneOffset.UTC).toInstant())
                        .executeUpdate()
                        .call(() -> session.createNativeQuery("delete from mention_term where day < :day")
                                .setParameter("day", firstKept)
                                .executeUpdate())
                        .call(() -> session.createNativeQuery("delete from mention_term_day where day < :day")
                                .setParameter("day", firstKept)
                                .executeUpdate())))
                .invoke(deleted -> LOG.infof("Purged %d mention texts older than %d days", deleted, retentionDays))
                .onFailure().invoke(failure -> LOG.warnf("Mention text purge failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
