package io.tribu.moderation.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;

import java.time.Instant;
import java.util.UUID;

/** A comment, reply, message or review on one of the brand's own channels, waiting for moderation. */
@Entity
@Table(name = "inbox_item")
public class InboxItem extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    public String source;
    public String kind;
    public String author;
    public String text;
    public String url;
    public String language;
    public String status;
    public String assignee;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "first_response_at")
    public Instant firstResponseAt;
    /** Publication time plus the brand's first-response target. */
    @Column(name = "sla_due_at")
    public Instant slaDueAt;
    @Column(name = "sla_breached_at")
    public Instant slaBreachedAt;
    /** Classifier labels present on the item, as JSON text (written on arrival and on each edit at the source). */
    @Formula("labels::text")
    public String labels;
    /** positive, neutral or negative as listening heard it; null for webhook interactions. */
    public String sentiment;
    @Column(name = "sentiment_score")
    public Double sentimentScore;
    /** The network's id of the interaction, when the network gave it (webhooks). */
    @Column(name = "external_id")
    public String externalId;
    /** The post commented on or the private conversation, when the source says. */
    @Column(name = "thread_id")
    public String thread;
    /** When the item was first hidden or deleted: an offence of its author, for the charter's repeat-offender rules. */
    @Column(name = "offence_at")
    public Instant offenceAt;
    /** The newest edit at the source applied to the text; an older one delivered later is ignored. */
    @Column(name = "edited_at")
    public Instant editedAt;
    /** Deleted at the source: the item left the queue (status withdrawn) and its text was cleared. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    /** Why it was withdrawn, e.g. deleted-at-source. */
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;
    /** URLs of what the interaction carries besides its text (a photo, an image sent in private). */
    public String[] attachments;
    /** A review's stars, 1 to 5; null for other interactions. */
    public Integer rating;
    /** Tags put by charter rules. */
    public String[] tags;
    /** Changed by every decision; a decision naming an older version loses (409). */
    public long version;
}
