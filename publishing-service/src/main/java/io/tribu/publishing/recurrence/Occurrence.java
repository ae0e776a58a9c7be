package io.tribu.publishing.recurrence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What became of one occurrence of a series (see V12__recurrences.sql). */
@Entity
public class Occurrence extends PanacheEntityBase {

    static final String SCHEDULED = "scheduled";
    static final String MISSED = "missed";
    static final String SKIPPED = "skipped";
    static final String DETACHED = "detached";
    static final String FAILED = "failed";

    @Id
    public UUID id;
    @Column(name = "recurrence_id")
    public UUID recurrenceId;
    public String tenant;
    @Column(name = "local_date")
    public LocalDate localDate;
    @Column(name = "due_at")
    public Instant dueAt;
    public String state;
    @Column(name = "post_id")
    public UUID postId;
    public String reason;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    static Occurrence of(Recurrence series, RepeatRule.Occurrence occurrence, String state, UUID postId, String reason,
                         Instant now) {
        Occurrence row = new Occurrence();
        row.id = UUID.randomUUID();
        row.recurrenceId = series.id;
        row.tenant = series.tenant;
        row.localDate = occurrence.date();
        row.dueAt = occurrence.dueAt();
        row.state = state;
        row.postId = postId;
        row.reason = reason;
        row.recordedAt = now;
        return row;
    }
}
