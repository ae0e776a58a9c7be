package io.tribu.publishing.post;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The post aggregate's SQL (the post row and its variants; the history lines are {@link PostHistory}'s): every query
 * and status change of a post goes through here. Methods returning entities run in the caller's Hibernate session;
 * {@link #settlePublishing} on the caller's Vert.x connection.
 */
@ApplicationScoped
public class PostRepository {

    /** Emits null when the post does not exist for this tenant and brand. */
    public Uni<Post> find(String tenant, String brandId, UUID id) {
        // list(), not firstResult(): a row limit on a fetch join would be applied in memory.
        return Post.<Post>find("from Post p left join fetch p.variants where p.id = ?1 and p.tenant = ?2 "
                        + "and p.brandId = ?3", id, tenant, brandId)
                .list()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The brand's posts among {@code ids} (without their variants), in no particular order; unknown ids are left out. */
    public Uni<List<Post>> listed(String tenant, String brandId, List<UUID> ids) {
        return Post.list("tenant = ?1 and brandId = ?2 and id in ?3", tenant, brandId, ids);
    }

    /** The brand's posts among {@code ids} with their variants, in the order of {@code ids}; unknown ids are left out. */
    public Uni<List<Post>> withVariants(String tenant, String brandId, List<UUID> ids) {
        return Post.<Post>find("from Post p left join fetch p.variants where p.tenant = ?1 and p.brandId = ?2 and p.id in ?3",
                        tenant, brandId, ids).list()
                .map(found -> ids.stream()
                        .flatMap(id -> found.stream().filter(post -> post.id.equals(id)).findFirst().stream()).toList());
    }

    /**
     * Posts planned in [from, to) that are in one of the campaigns (when any is given) and carry one of
     * the tags (when any is given), earliest first, with their variants.
     */
    public Uni<List<Post>> inCalendar(String tenant, String brandId, Instant from, Instant to,
                                      List<UUID> campaigns, List<String> tags, int limit) {
        StringBuilder query = new StringBuilder("tenant = :tenant and brandId = :brand and plannedAt >= :from "
                + "and plannedAt < :to");
        Parameters parameters = Parameters.with("tenant", tenant).and("brand", brandId).and("from", from).and("to", to);
        if (!campaigns.isEmpty()) {
            query.append(" and campaignId in :campaigns");
            parameters.and("campaigns", campaigns);
        }
        if (!tags.isEmpty()) {
            query.append(" and array_intersects(tags, :tags)");
            parameters.and("tags", tags.toArray(String[]::new));
        }
        query.append(" order by plannedAt, id");
        return Post.<Post>find(query.toString(), parameters).page(0, limit).list()
                .chain(page -> variantsOf(page, "p.plannedAt, p.id"));
    }

    /**
     * Posts planned in [from, to), earliest first. The page is chosen without the variants (a fetch
     * join would make the database return one row per variant and the limit count rows, not posts),
     * then the variants of that page are loaded in one query.
     */
    Uni<List<Post>> plannedBetween(String tenant, String brandId, Instant from, Instant to, int limit) {
        return Post.<Post>find("tenant = ?1 and brandId = ?2 and plannedAt >= ?3 and plannedAt < ?4 "
                        + "order by plannedAt, id", tenant, brandId, from, to)
                .page(0, limit).list()
                .chain(page -> variantsOf(page, "p.plannedAt, p.id"));
    }

    /** Posts without {@code plannedAt} (ideas, drafts without a slot), newest first. */
    Uni<List<Post>> unplanned(String tenant, String brandId, int limit) {
        return Post.<Post>find("tenant = ?1 and brandId = ?2 and plannedAt is null order by createdAt desc, id", tenant, brandId)
                .page(0, limit).list()
                .chain(page -> variantsOf(page, "p.createdAt desc, p.id"));
    }

    private static Uni<List<Post>> variantsOf(List<Post> page, String order) {
        return page.isEmpty()
                ? Uni.createFrom().item(page)
                : Post.<Post>find("from Post p left join fetch p.variants where p.id in ?1 order by " + order,
                        page.stream().map(post -> post.id).toList()).list();
    }

    /** Stores a new post and its variants now (flushed: native statements that reference the row may follow). */
    Uni<Post> create(Post post) {
        return post.persistAndFlush();
    }

    /** Moves the post from one status to another; 0 when it was not in {@code from} any more (someone moved it). */
    public Uni<Integer> move(UUID id, PostStatus from, PostStatus to) {
        return Post.update("status = ?1 where id = ?2 and status = ?3", to.wire(), id, from.wire());
    }

    /**
     * Settles publishing posts once their deliveries' outcomes are recorded (in the caller's transaction): published
     * when every delivery is; failed when none is left to try and one failed; else still publishing.
     */
    public Uni<Void> settlePublishing(SqlConnection connection, UUID[] posts) {
        if (posts.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        update post p set status = case
                            when not exists (select 1 from delivery where post_id = p.id and state <> 'published') then 'published'
                            when not exists (select 1 from delivery where post_id = p.id
                                             and state in ('pending', 'leased', 'sent-intent')) then 'failed'
                            else status end
                        where p.id = any($1) and p.status = 'publishing'""")
                .execute(Tuple.of(posts)).replaceWithVoid();
    }
}
