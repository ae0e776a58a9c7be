package io.tribu.publishing.approvallink;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A client approval link of a brand: which posts it shows, until when, and whether it was revoked. */
@Entity
@Table(name = "approval_link")
public class ApprovalLink extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    @Column(name = "key_id")
    public String keyId;
    @ElementCollection
    @CollectionTable(name = "approval_link_post", joinColumns = @JoinColumn(name = "link_id"))
    @OrderColumn(name = "position")
    @Column(name = "post_id")
    public List<UUID> postIds = new ArrayList<>();
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Usable at {@code now}: neither revoked nor expired. */
    boolean openAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Emits null when there is no such link. */
    static Uni<ApprovalLink> withPosts(UUID id) {
        return ApprovalLink.<ApprovalLink>find("from ApprovalLink l left join fetch l.postIds where l.id = ?1", id)
                .list().map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Locks the row for share until the transaction ends: a revocation (an update) waits for it. */
    static Uni<Void> shareLock(UUID id) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select id from approval_link where id = :id for share", UUID.class)
                .setParameter("id", id).getResultList()).replaceWithVoid();
    }

    static Uni<List<ApprovalLink>> ofBrand(String tenant, String brandId, int limit) {
        return ApprovalLink.<ApprovalLink>find("tenant = ?1 and brandId = ?2 order by createdAt desc, id", tenant, brandId)
                .page(0, limit).list()
                .chain(page -> page.isEmpty() ? Uni.createFrom().item(page)
                        : ApprovalLink.<ApprovalLink>find("from ApprovalLink l left join fetch l.postIds where l.id in ?1 "
                                + "order by l.createdAt desc, l.id", page.stream().map(link -> link.id).toList()).list());
    }
}
