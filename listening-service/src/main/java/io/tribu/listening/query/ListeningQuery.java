package io.tribu.listening.query;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A brand's saved listening query; {@code subject} says whether it listens to the brand or to a competitor. */
@Entity
@Table(name = "listening_query")
public class ListeningQuery extends PanacheEntityBase {

    public static final String BRAND = "brand";
    public static final String COMPETITOR = "competitor";

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    public String name;
    public String query;
    /** brand or competitor (share of voice). */
    public String subject;
    /** The competitor's name when subject is competitor, else null. */
    public String competitor;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    static Uni<List<ListeningQuery>> ofBrand(String tenant, String brandId) {
        return list("tenant = ?1 and brandId = ?2 order by createdAt, id", tenant, brandId);
    }

    static Uni<ListeningQuery> findForBrand(String tenant, String brandId, UUID id) {
        return find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult();
    }
}
