package io.tribu.moderation.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.config.ModerationConfig;
import io.tribu.moderation.sql.Columns;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of the inbox item aggregate, all of it (one repository per aggregate), in the caller's session or
 * transaction. Reads that list items answer their rows; the caller maps them.
 */
@ApplicationScoped
public class InboxItemRepository {

    /** A judged interaction to insert: the item, and what its row takes beside it (JSON as text). */
    record NewItem(InboxItem item, String labels, String sentiment, Double sentimentScore, String thread, String tags,
                   String attachments) {
    }

    private final int defaultSlaMinutes;

    InboxItemRepository(ModerationConfig config) {
        this.defaultSlaMinutes = config.moderation().defaultFirstResponseSlaMinutes();
    }

    /** The brand's item, or null. */
    public Uni<InboxItem> ofBrand(String tenant, String brandId, UUID id) {
        return InboxItem.<InboxItem>find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult();
    }

    /** Items matching the filter, newest first, after the cursor: up to {@code limit} + 1 (one more tells a page follows). */
    Uni<List<InboxItem>> page(String tenant, String brandId, InboxFilter filter, InboxCursor after, int limit) {
        Parameters parameters = Parameters.with("tenant", tenant).and("brand", brandId);
        StringBuilder query = new StringBuilder(filter.where(parameters));
        if (after != null) {
            query.append(" and (publishedAt < :afterTime or (publishedAt = :afterTime and id < :afterId))");
            parameters.and("afterTime", after.publishedAt()).and("afterId", after.id());
        }
        query.append(" order by publishedAt desc, id desc");
        return InboxItem.<InboxItem>find(query.toString(), parameters).range(0, limit).list();
    }

    /** (status, count) of the brand's items under the filter, statuses without items left out. */
    Uni<List<Object[]>> countByStatus(String tenant, String brandId, InboxFilter filter) {
        Parameters parameters = Parameters.with("tenant", tenant).and("brand", brandId);
        String where = filter.where(parameters);
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery("select status, count(*) from InboxItem where " + where
                    + " group by status", Object[].class);
            parameters.map().forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /** (brand, new, open, open with the SLA breached and unanswered) of the brands that have open items. */
    Uni<List<Object[]>> openCounts(String tenant, List<String> brands) {
        // Only open items are read: the (tenant, brand_id, status) index hands them over, however long the history.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select brand_id, count(*) filter (where status = 'new'), count(*),
                               count(*) filter (where sla_breached_at is not null and first_response_at is null)
                        from inbox_item
                        where tenant = :tenant and brand_id = any(cast(:brands as text[]))
                          and status in ('new', 'assigned', 'escalated')
                        group by brand_id""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brands", brands.toArray(String[]::new))
                .getResultList());
    }

    /** (source, items, new items) of the brand, by source. */
    Uni<List<Object[]>> sourceCounts(String tenant, String brandId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select source, count(*), count(*) filter (where status = 'new') from inbox_item
                        where tenant = :tenant and brand_id = :brand group by source order by source""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .getResultList());
    }

    /**
     * A decision's change, if the item is still at {@code version}: 1 when applied, 0 when someone else decided first.
     * responds: it is the item's first response, dated now unless one was (false: the network has to confirm it);
     * offence: the author's first offence, dated now unless one was.
     */
    Uni<Integer> decide(UUID id, long version, String status, String assignee, boolean responds, boolean offence,
                        Instant now) {
        Parameters parameters = Parameters.with("status", status).and("assignee", assignee).and("id", id)
                .and("version", version);
        // HQL refuses a parameter the statement does not use.
        if (responds || offence) {
            parameters.and("now", now);
        }
        return InboxItem.update("status = :status, assignee = :assignee, version = version + 1"
                + (responds ? ", firstResponseAt = coalesce(firstResponseAt, :now)" : "")
                + (offence ? ", offenceAt = coalesce(offenceAt, :now)" : "")
                + " where id = :id and version = :version", parameters);
    }

    /** The item as stored now (after an update statement the session's copy is stale). */
    Uni<InboxItem> reloaded(UUID id) {
        return InboxItem.<InboxItem>findById(id).call(fresh -> Panache.getSession().chain(session -> session.refresh(fresh)));
    }

    /** The tenant's item, locked until the transaction ends (a moderator's decision waits for the change), or null. */
    Uni<InboxItem> locked(String tenant, String brandId, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select id from inbox_item where id = :id and tenant = :tenant and brand_id = :brand for update", UUID.class)
                .setParameter("id", id)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().nullItem() : InboxItem.<InboxItem>findById(id));
    }

    /** The conversation's items still unanswered and standing, posted by {@code at}, oldest first. */
    Uni<List<UUID>> unanswered(String tenant, String brandId, String thread, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id from inbox_item where tenant = :tenant and brand_id = :brand and thread_id = :thread
                          and first_response_at is null and withdrawn_at is null and published_at <= :at
                        order by published_at, id""", UUID.class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("thread", thread)
                .setParameter("at", at)
                .getResultList());
    }

    Uni<Void> labels(UUID itemId, String labelsJson) {
        // Bound as text first: a parameter typed jsonb would take the Java string as one JSON string value.
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update inbox_item set labels = cast(cast(:labels as text) as jsonb) where id = :id")
                .setParameter("labels", labelsJson)
                .setParameter("id", itemId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * (author, offence_at) of the brand's items first hidden or deleted since {@code since}: of these authors, or of
     * every author when {@code authors} is null.
     */
    public Uni<List<Object[]>> offences(String tenant, String brandId, String[] authors, Instant since) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery("""
                            select author, offence_at from inbox_item
                            where tenant = :tenant and brand_id = :brand and %s
                              and offence_at >= :since""".formatted(authors == null ? "author is not null"
                            : "author = any(cast(:authors as text[]))"), Object[].class)
                    .setParameter("tenant", tenant)
                    .setParameter("brand", brandId)
                    .setParameter("since", since);
            if (authors != null) {
                query.setParameter("authors", authors);
            }
            return query.getResultList();
        });
    }

    /**
     * (id, text, source, kind, author, language, sentiment, sentiment_score, received_at, status, rating) of the
     * brand's standing items received since {@code since}, newest first, at most {@code limit}.
     */
    public Uni<List<Object[]>> receivedSince(String tenant, String brandId, Instant since, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, text, source, kind, author, language, sentiment, sentiment_score, received_at, status, rating
                        from inbox_item where tenant = :tenant and brand_id = :brand and received_at >= :since
                          and withdrawn_at is null
                        order by received_at desc limit :limit""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("since", since)
                .setParameter("limit", limit)
                .getResultList());
    }

    /**
     * Up to 200 items whose SLA fell due by {@code now} unanswered and not yet reported, oldest due first, locked
     * (others skip them) until the transaction ends.
     */
    public Uni<List<InboxItem>> overdue(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id from inbox_item
                        where first_response_at is null and sla_breached_at is null and withdrawn_at is null and sla_due_at <= :now
                        order by sla_due_at limit 200 for update skip locked""", UUID.class)
                .setParameter("now", now)
                .getResultList()
                // The rows are locked above; the entities are read through the mapping (labels as JSON text).
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<InboxItem>of())
                        : InboxItem.<InboxItem>list("id in ?1 order by slaDueAt", ids)));
    }

    /** The link found for the brand's item, unless it has one. */
    public Uni<Integer> linkFound(String tenant, String brandId, UUID itemId, String url) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update inbox_item set url = :url
                        where id = :item and tenant = :tenant and brand_id = :brand and url is null""")
                .setParameter("url", url)
                .setParameter("item", itemId)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .executeUpdate());
    }

    /**
     * A network action confirmed done: the item takes the {@code confirmed} status unless it already stands stronger,
     * and its first response is dated {@code at} if nothing answered it before.
     */
    public Uni<Integer> actionConfirmed(UUID itemId, String confirmed, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update inbox_item set version = version + 1,
                               status = case when array_position(cast(:strength as text[]), status)
                                                  < array_position(cast(:strength as text[]), :confirmed)
                                             then :confirmed else status end,
                               first_response_at = coalesce(first_response_at, :at)
                        where id = :item""")
                .setParameter("strength", InboxStatus.BY_STRENGTH.toArray(String[]::new))
                .setParameter("confirmed", confirmed)
                .setParameter("at", at)
                .setParameter("item", itemId)
                .executeUpdate());
    }

    /**
     * The brand's answer to the item is gone from the network (a confirmed delete_reply): a replied item waits again, as
     * {@link DecisionAction#afterReplyRemoved} says; its first response stays dated. In the caller's transaction.
     */
    public Uni<Integer> replyRemoved(UUID itemId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update inbox_item set version = version + 1,
                               status = case when status = :replied
                                             then case when assignee is null then :unassigned else :assigned end
                                             else status end
                        where id = :item""")
                .setParameter("replied", InboxStatus.REPLIED.wire())
                .setParameter("unassigned", DecisionAction.afterReplyRemoved(InboxStatus.REPLIED.wire(), null))
                .setParameter("assigned", InboxStatus.ASSIGNED.wire())
                .setParameter("item", itemId)
                .executeUpdate());
    }

    /** The items in one statement (column arrays), each dated its SLA by its brand's policy; the ids inserted (a replay inserts none). */
    Uni<Set<UUID>> insertAll(List<NewItem> rows) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into inbox_item (id, tenant, brand_id, source, kind, author, text, url, language, status, assignee,
                                                published_at, received_at, version, sla_due_at, labels, sentiment,
                                                sentiment_score, external_id, tags, first_response_at, thread_id, offence_at,
                                                attachments, rating)
                        select cast(t.id as uuid), t.tenant, t.brand, t.source, t.kind, t.author, t.text, t.url, t.language,
                               t.status, t.assignee, cast(t.published_at as timestamptz), cast(t.received_at as timestamptz),
                               cast(t.version as bigint),
                               cast(t.published_at as timestamptz)
                                   + make_interval(mins => coalesce(s.first_response_sla_minutes, :defaultSla)),
                               cast(t.labels as jsonb), t.sentiment, cast(t.sentiment_score as double precision), t.external_id,
                               array(select jsonb_array_elements_text(cast(t.tags as jsonb))),
                               cast(t.responded as timestamptz), t.thread, cast(t.offence as timestamptz),
                               array(select jsonb_array_elements_text(cast(t.attachments as jsonb))),
                               cast(t.rating as integer)
                        from unnest(cast(:ids as text[]), cast(:tenants as text[]), cast(:brands as text[]),
                                    cast(:sources as text[]), cast(:kinds as text[]), cast(:authors as text[]),
                                    cast(:texts as text[]), cast(:urls as text[]), cast(:languages as text[]),
                                    cast(:statuses as text[]), cast(:assignees as text[]), cast(:published as text[]),
                                    cast(:received as text[]), cast(:versions as text[]), cast(:labels as text[]),
                                    cast(:sentiments as text[]), cast(:scores as text[]), cast(:externalIds as text[]),
                                    cast(:tags as text[]), cast(:responded as text[]), cast(:threads as text[]),
                                    cast(:offences as text[]), cast(:attachments as text[]), cast(:ratings as text[]))
                             as t(id, tenant, brand, source, kind, author, text, url, language, status, assignee,
                                  published_at, received_at, version, labels, sentiment, sentiment_score, external_id,
                                  tags, responded, thread, offence, attachments, rating)
                        left join brand_sla s on s.tenant = t.tenant and s.brand_id = t.brand
                        on conflict (id) do nothing returning id""", UUID.class)
                .setParameter("defaultSla", defaultSlaMinutes)
                .setParameter("ids", Columns.of(rows, r -> r.item().id))
                .setParameter("tenants", Columns.of(rows, r -> r.item().tenant))
                .setParameter("brands", Columns.of(rows, r -> r.item().brandId))
                .setParameter("sources", Columns.of(rows, r -> r.item().source))
                .setParameter("kinds", Columns.of(rows, r -> r.item().kind))
                .setParameter("authors", Columns.of(rows, r -> r.item().author))
                .setParameter("texts", Columns.of(rows, r -> r.item().text))
                .setParameter("urls", Columns.of(rows, r -> r.item().url))
                .setParameter("languages", Columns.of(rows, r -> r.item().language))
                .setParameter("statuses", Columns.of(rows, r -> r.item().status))
                .setParameter("assignees", Columns.of(rows, r -> r.item().assignee))
                .setParameter("published", Columns.of(rows, r -> r.item().publishedAt))
                .setParameter("received", Columns.of(rows, r -> r.item().receivedAt))
                .setParameter("versions", Columns.of(rows, r -> r.item().version))
                .setParameter("labels", Columns.of(rows, NewItem::labels))
                .setParameter("sentiments", Columns.of(rows, NewItem::sentiment))
                .setParameter("scores", Columns.of(rows, NewItem::sentimentScore))
                .setParameter("externalIds", Columns.of(rows, r -> r.item().externalId))
                .setParameter("tags", Columns.of(rows, NewItem::tags))
                .setParameter("responded", Columns.of(rows, r -> r.item().firstResponseAt))
                .setParameter("threads", Columns.of(rows, NewItem::thread))
                .setParameter("offences", Columns.of(rows, r -> r.item().offenceAt))
                .setParameter("attachments", Columns.of(rows, NewItem::attachments))
                .setParameter("ratings", Columns.of(rows, r -> r.item().rating))
                .getResultList())
                .map(HashSet::new);
    }
}
