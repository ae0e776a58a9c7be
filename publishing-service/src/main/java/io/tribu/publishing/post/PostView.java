package io.tribu.publishing.post;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post as the API shows it. */
public record PostView(UUID id, String brandId, String title,
                       @Schema(enumeration = {"draft", "in-review", "approved", "scheduled", "publishing", "published", "failed"}) String status,
                       Instant plannedAt, List<String> tags,
                       List<VariantView> variants, String createdBy, Instant createdAt, UUID campaignId) {

    public record VariantView(@Schema(enumeration = {"mastodon", "bluesky", "linkedin", "x", "facebook", "instagram"}) String network, String text, List<String> media) {
    }

    public static PostView of(Post post) {
        return new PostView(post.id, post.brandId, post.title, post.status, post.plannedAt, List.of(post.tags),
                post.variants.stream().map(variant -> new VariantView(variant.network, variant.text, variant.media)).toList(),
                post.createdBy, post.createdAt, post.campaignId);
    }
}
