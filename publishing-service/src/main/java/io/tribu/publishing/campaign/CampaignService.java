package io.tribu.publishing.campaign;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.NotFoundProblems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CampaignService {

    private final Clock clock;

    public CampaignService(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Campaign> create(String tenant, String brandId, CampaignRequest request) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.tenant = tenant;
        campaign.brandId = brandId;
        campaign.createdAt = clock.instant();
        copy(request, campaign);
        return campaign.persistAndFlush().replaceWith(campaign);
    }

    @WithTransaction
    public Uni<Campaign> change(String tenant, String brandId, UUID id, CampaignRequest request) {
        return find(tenant, brandId, id).map(campaign -> {
            copy(request, campaign);
            return campaign;
        });
    }

    /** The campaign's posts stay, without a campaign. */
    @WithTransaction
    public Uni<Void> delete(String tenant, String brandId, UUID id) {
        return find(tenant, brandId, id).chain(Campaign::delete);
    }

    @WithSession
    public Uni<Campaign> get(String tenant, String brandId, UUID id) {
        return find(tenant, brandId, id);
    }

    /** Campaigns overlapping [from, to] (local dates, inclusive), or all when both are null; earliest first. */
    @WithSession
    public Uni<List<Campaign>> list(String tenant, String brandId, LocalDate from, LocalDate to) {
        return overlapping(tenant, brandId, from == null ? LocalDate.MIN : from, to == null ? LocalDate.MAX : to);
    }

    /** Runs in the caller's session. */
    public Uni<List<Campaign>> overlapping(String tenant, String brandId, LocalDate from, LocalDate to) {
        if (from.equals(LocalDate.MIN) && to.equals(LocalDate.MAX)) {
            return Campaign.<Campaign>find("tenant = ?1 and brandId = ?2 order by startsOn, name", tenant, brandId).list();
        }
        return Campaign.<Campaign>find("tenant = ?1 and brandId = ?2 and startsOn <= ?4 and endsOn >= ?3 "
                + "order by startsOn, name", tenant, brandId, from, to).list();
    }

    private static Uni<Campaign> find(String tenant, String brandId, UUID id) {
        return Campaign.findForBrand(tenant, brandId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Campaign " + id + " not found"));
    }

    private static void copy(CampaignRequest request, Campaign campaign) {
        campaign.name = request.name().strip();
        campaign.color = request.color().toLowerCase();
        campaign.startsOn = request.startDate();
        campaign.endsOn = request.endDate();
    }
}
