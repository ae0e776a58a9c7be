package io.tribu.publishing.brand;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A brand's publishing settings; a brand without a row uses the defaults. */
@Entity
@Table(name = "brand_setting")
@IdClass(BrandSetting.Key.class)
public class BrandSetting extends PanacheEntityBase {

    public static final String DEFAULT_TIMEZONE = "Europe/Paris";

    @Id
    public String tenant;
    @Id
    @Column(name = "brand_id")
    public String brandId;
    /** An IANA zone id: the calendar's days and the queue's local times are read in it. */
    public String timezone;
    /** SHA-256 (hex) of the calendar feed token; null while no feed URL was issued. */
    @Column(name = "feed_token_hash")
    public String feedTokenHash;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String tenant;
        public String brandId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenant, key.tenant) && Objects.equals(brandId, key.brandId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, brandId);
        }
    }
}
