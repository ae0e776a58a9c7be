package io.tribu.publishing.campaign;

import java.time.LocalDate;
import java.util.UUID;

public record CampaignView(UUID id, String brandId, String name, String color, LocalDate startDate, LocalDate endDate) {

    public static CampaignView of(Campaign campaign) {
        return new CampaignView(campaign.id, campaign.brandId, campaign.name, campaign.color, campaign.startsOn,
                campaign.endsOn);
    }
}
