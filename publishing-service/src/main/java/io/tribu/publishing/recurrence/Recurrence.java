package io.tribu.publishing.recurrence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;

/** A series: the approved post it repeats and its rule (see V12__recurrences.sql). */
@Entity
public class Recurrence extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    @Column(name = "post_id")
    public UUID postId;
    public String kind;
    public String[] days;
    @Column(name = "day_of_month")
    public int dayOfMonth;
    @Column(name = "every_days")
    public int everyDays;
    @Column(name = "local_time")
    public LocalTime localTime;
    public String timezone;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "stopped_by")
    public String stoppedBy;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "handled_until")
    public Instant handledUntil;

    RepeatRule rule() {
        EnumSet<DayOfWeek> weekDays = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(days).map(DayOfWeek::valueOf).forEach(weekDays::add);
        return new RepeatRule(RepeatRule.Kind.fromWire(kind), weekDays, dayOfMonth, everyDays, localTime,
                ZoneId.of(timezone), startsOn, endsOn);
    }

    String actor() {
        return "recurrence " + id.toString().substring(0, 8);
    }
}
