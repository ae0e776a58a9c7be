package io.tribu.analytics.engagement;

import io.tribu.analytics.csv.CsvTable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The brand's post variants published in a period, most engaging first. */
public record PostEngagementView(String brandId, Instant from, Instant to, UUID channelId,
                                 List<PostEngagementService.PostRow> posts) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("variantId", "postId", "channelId", "network", "contentType", "tags", "url", "publishedAt",
                "collectedAt", "likes", "comments", "shares", "impressions", "engagement", "engagementRate");
    }

    @Override
    public List<List<Object>> csvRows() {
        return posts.stream().map(post -> Arrays.<Object>asList(post.variantId(), post.postId(), post.channelId(),
                post.network(), post.contentType(), String.join(" ", post.tags()), post.url(), post.publishedAt(),
                post.collectedAt(), post.likes(), post.comments(), post.shares(), post.impressions(),
                post.engagement(), post.engagementRate())).toList();
    }
}
