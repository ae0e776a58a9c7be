package io.tribu.publishing.post;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Data of the {@code tribu.publishing.post.created.v1} event. Schema and example live in
 * {@code src/main/resources/events/}; changes are additive, a breaking change is a new version.
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
public record PostCreated(UUID postId, String brandId, String title, List<String> tags, List<String> networks,
                          Instant plannedAt, String status) {

    public static final String TYPE = "tribu.publishing.post.created.v1";

    static PostCreated of(Post post) {
        return new PostCreated(post.id, post.brandId, post.title, Arrays.asList(post.tags),
                post.variants.stream().map(variant -> variant.network).toList(), post.plannedAt, post.status);
    }
}
