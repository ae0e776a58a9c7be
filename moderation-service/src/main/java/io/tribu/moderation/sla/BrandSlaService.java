package io.tribu.moderation.sla;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.config.ModerationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class BrandSlaService {

    private final int defaultMinutes;

    public BrandSlaService(ModerationConfig config) {
        this.defaultMinutes = config.moderation().defaultFirstResponseSlaMinutes();
    }

    @WithSession
    public Uni<BrandSla> get(String tenant, String brandId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select first_response_sla_minutes from brand_sla where tenant = :tenant and brand_id = :brand""",
                        Integer.class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .getResultList()
                .map((List<Integer> rows) -> new BrandSla(rows.isEmpty() ? defaultMinutes : rows.get(0))));
    }

    @WithTransaction
    public Uni<BrandSla> set(String tenant, String brandId, BrandSla sla) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into brand_sla (tenant, brand_id, first_response_sla_minutes) values (:tenant, :brand, :minutes)
                        on conflict (tenant, brand_id) do update set first_response_sla_minutes = excluded.first_response_sla_minutes""")
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("minutes", sla.firstResponseSlaMinutes())
                .executeUpdate()
                .replaceWith(sla));
    }
}
