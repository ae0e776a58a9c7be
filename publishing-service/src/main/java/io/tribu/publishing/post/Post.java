package io.tribu.publishing.post;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A post of a brand's editorial calendar, with one text variant per network it goes to. */
@Entity
public class Post extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    public String title;
    /** See {@link PostStatus}. */
    public String status;
    /** When the post should go out; null while it has no slot in the calendar. */
    @Column(name = "planned_at")
    public Instant plannedAt;
    /** A PostgreSQL text[]: filtering by tag stays one indexed column away. */
    public String[] tags;
    /** The campaign of the brand the post belongs to, if any. */
    @Column(name = "campaign_id")
    public UUID campaignId;
    @ElementCollection
    @CollectionTable(name = "post_variant", joinColumns = @JoinColumn(name = "post_id"))
    @OrderColumn(name = "position")
    public List<PostVariant> variants = new ArrayList<>();
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Emits null when the post does not exist for this tenant and brand. */
    public static Uni<Post> findForBrand(String tenant, String brandId, UUID id) {
        // list(), not firstResult(): a row limit on a fetch join would be applied in memory.
        return Post.<Post>find("from Post p left join fetch p.variants where p.id = ?1 and p.tenant = ?2 "
                        + "and p.brandId = ?3", id, tenant, brandId)
                .list()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /**
     * Posts planned in [from, to) that are in one of the campaigns (when any is given) and carry one of
     * the tags (when any is given), earliest first, with their variants. Runs in the caller's session.
     */
    public static Uni<List<Post>> inCalendar(String tenant, String brandId, Instant from, Instant to,
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
        return Post.<Post>find(query.toString(), parameters).page(0, limit).list().chain(Post::withVariants);
    }

    private static Uni<List<Post>> withVariants(List<Post> page) {
        return page.isEmpty()
                ? Uni.createFrom().item(page)
                : Post.<Post>find("from Post p left join fetch p.variants where p.id in ?1 "
                        + "order by p.plannedAt, p.id", page.stream().map(post -> post.id).toList()).list();
    }

    /**
     * Posts planned in [from, to), earliest first. The page is chosen without the variants (a fetch
     * join would make the database return one row per variant and the limit count rows, not posts),
     * then the variants of that page are loaded in one query.
     */
    /** Posts without {@code plannedAt} (ideas, drafts without a slot), newest first. */
    static Uni<List<Post>> unplanned(String tenant, String brandId, int limit) {
        return Post.<Post>find("tenant = ?1 and brandId = ?2 and plannedAt is null order by createdAt desc, id", tenant, brandId)
                .page(0, limit).list()
                .chain(page -> page.isEmpty()
                        ? Uni.createFrom().item(page)
                        : Post.<Post>find("from Post p left join fetch p.variants where p.id in ?1 "
                                + "order by p.createdAt desc, p.id", page.stream().map(post -> post.id).toList())
                        .list());
    }

    static Uni<List<Post>> plannedBetween(String tenant, String brandId, Instant from, Instant to, int limit) {
        return Post.<Post>find("tenant = ?1 and brandId = ?2 and plannedAt >= ?3 and plannedAt < ?4 "
                        + "order by plannedAt, id", tenant, brandId, from, to)
                .page(0, limit).list()
                .chain(page -> page.isEmpty()
                        ? Uni.createFrom().item(page)
                        : Post.<Post>find("from Post p left join fetch p.variants where p.id in ?1 "
                                + "order by p.plannedAt, p.id", page.stream().map(post -> post.id).toList())
                        .list());
    }
}
