package io.tribu.analytics.brand;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The names brands are shown by, per agency (tenant) and brand. */
@ApplicationScoped
public class BrandNameService {

    private final Clock clock;

    public BrandNameService(Clock clock) {
        this.clock = clock;
    }

    @WithSession
    public Uni<BrandNameView> find(String tenant, String brandId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select name, updated_at, updated_by from brand_name where tenant = :tenant and brand_id = :brand""",
                        Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .getResultList()
                .map(rows -> view(brandId, rows)));
    }

    /** What a measure shows for the brand: its name, else its id. */
    public Uni<String> displayName(String tenant, String brandId) {
        return find(tenant, brandId).map(found -> found.name() == null ? brandId : found.name());
    }

    @WithTransaction
    public Uni<BrandNameView> rename(String tenant, String brandId, String name, String by) {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into brand_name (tenant, brand_id, name, updated_at, updated_by)
                        values (:tenant, :brand, :name, :now, :by)
                        on conflict (tenant, brand_id) do update
                        set name = excluded.name, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("name", name)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("by", by)
                .executeUpdate())
                .map(updated -> new BrandNameView(brandId, name, now, by));
    }

    private static BrandNameView view(String brandId, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new BrandNameView(brandId, null, null, null);
        }
        Object[] row = rows.get(0);
        return new BrandNameView(brandId, (String) row[0], instant(row[1]), (String) row[2]);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
