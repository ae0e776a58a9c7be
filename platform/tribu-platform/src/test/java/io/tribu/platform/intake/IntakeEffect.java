package io.tribu.platform.intake;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One application of a {@link NoteWritten} event: a second row for one event would be a duplicate effect. */
@Entity
@Table(name = "intake_effect")
public class IntakeEffect extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public UUID eventId;

    /** Null for a failing event: the column is not null, so the commit fails. */
    public String note;
}
