package io.tribu.publishing.post;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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

/** A post of a brand's editorial calendar, with one text variant per network it goes to; {@link PostRepository} queries it. */
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
}
