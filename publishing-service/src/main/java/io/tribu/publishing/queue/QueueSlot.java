package io.tribu.publishing.queue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

/** One weekly publishing slot of a channel: a day of the week and a time of the brand's zone. */
@Entity
@Table(name = "queue_slot")
@IdClass(QueueSlot.Key.class)
public class QueueSlot extends PanacheEntityBase {

    @Id
    @Column(name = "channel_id")
    public UUID channelId;
    /** ISO day of week, 1 = Monday. */
    @Id
    @Column(name = "day_of_week")
    public short dayOfWeek;
    @Id
    @Column(name = "local_time")
    public LocalTime localTime;

    public static class Key implements Serializable {
        public UUID channelId;
        public short dayOfWeek;
        public LocalTime localTime;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(channelId, key.channelId) && dayOfWeek == key.dayOfWeek
                    && Objects.equals(localTime, key.localTime);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channelId, dayOfWeek, localTime);
        }
    }
}
