package io.tribu.publishing.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A named, coloured span of the brand's calendar that posts can belong to. */
@Entity
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    public String name;
    /** {@code #rrggbb}, for the calendar's display. */
    public String color;
    /** Local calendar dates of the brand, end inclusive. */
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Emits null when the campaign does not exist for this tenant and brand. */
    public static Uni<Campaign> findForBrand(String tenant, String brandId, UUID id) {
        return Campaign.<Campaign>find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult();
    }
}
