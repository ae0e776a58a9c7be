package io.tribu.publishing.post;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PostService {

    private final Outbox outbox;
    private final String postsTopic;

    public PostService(Outbox outbox, @ConfigProperty(name = "tribu.topics.posts") String postsTopic) {
        this.outbox = outbox;
        this.postsTopic = postsTopic;
    }

    /** Stores the draft and its event in one transaction, so neither exists without the other. */
    @WithTransaction
    public Uni<Post> createDraft(String tenant, String brandId, String author, NewPost draft) {
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.tenant = tenant;
        post.brandId = brandId;
        post.title = draft.title();
        post.status = PostStatus.DRAFT.wire();
        post.plannedAt = draft.plannedAt();
        post.tags = draft.tags().toArray(String[]::new);
        draft.variants().forEach(variant ->
                post.variants.add(new PostVariant(variant.network().wire(), variant.text())));
        post.createdBy = author;
        post.createdAt = Instant.now();
        return post.<Post>persist()
                .call(stored -> outbox.append(postsTopic, tenant, brandId, PostCreated.TYPE, PostCreated.of(stored)));
    }

    @WithSession
    public Uni<Post> find(String tenant, String brandId, UUID id) {
        return Post.findForBrand(tenant, brandId, id);
    }

    @WithSession
    public Uni<List<Post>> planned(String tenant, String brandId, Instant from, Instant to, int limit) {
        return Post.plannedBetween(tenant, brandId, from, to, limit);
    }
}
