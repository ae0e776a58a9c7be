package io.tribu.publishing.post;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.problem.Problems;
import io.tribu.publishing.campaign.Campaign;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PostService {

    private final PostRepository repository;
    private final Outbox outbox;
    private final PostHistory history;
    private final String postsTopic;
    private final Clock clock;

    public PostService(PostRepository repository, Outbox outbox, PostHistory history,
                       PublishingConfig config, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.history = history;
        this.postsTopic = config.topics().posts();
        this.clock = clock;
    }

    /** Stores the draft and its event in one transaction, so neither exists without the other. */
    public Uni<Post> createDraft(String tenant, String brandId, String author, NewPost draft) {
        return createDraft(tenant, brandId, author, null, draft);
    }

    /**
     * The same, written through an agent: {@code via} (e.g. "MCP, client Claude") is kept on the creation line of
     * the post's history beside the author, who stays the one the approval rules know.
     */
    @WithTransaction
    public Uni<Post> createDraft(String tenant, String brandId, String author, String via, NewPost draft) {
        Post post = unsaved(tenant, brandId, author, draft);
        post.id = UUID.randomUUID();
        // Flushed first: the history line below is a native insert referencing the post row.
        return requireCampaign(tenant, brandId, draft.campaignId())
                .chain(() -> repository.create(post))
                .call(stored -> history.append(stored, author, "create", PostStatus.DRAFT.wire(), null, via))
                .call(stored -> outbox.append(postsTopic, tenant, brandId, PostCreated.TYPE, PostCreated.of(stored)));
    }

    /** A dry run of {@link #createDraft}: the draft as it would be stored (no id), checked, stored nowhere. */
    @WithSession
    public Uni<Post> checkDraft(String tenant, String brandId, String author, NewPost draft) {
        return requireCampaign(tenant, brandId, draft.campaignId()).replaceWith(unsaved(tenant, brandId, author, draft));
    }

    private Post unsaved(String tenant, String brandId, String author, NewPost draft) {
        Post post = new Post();
        post.tenant = tenant;
        post.brandId = brandId;
        post.title = draft.title();
        post.status = PostStatus.DRAFT.wire();
        post.plannedAt = draft.plannedAt();
        post.tags = draft.tags().toArray(String[]::new);
        draft.variants().forEach(variant ->
                post.variants.add(new PostVariant(variant.network().wire(), variant.text(), variant.media())));
        post.campaignId = draft.campaignId();
        post.createdBy = author;
        post.createdAt = clock.instant();
        return post;
    }

    /**
     * Replaces the post's content. An approved post goes back to review: the client approved
     * another text. A post already scheduled or further along cannot be edited (409).
     */
    @WithTransaction
    public Uni<Post> edit(String tenant, String brandId, UUID id, String editor, NewPost content) {
        return requireCampaign(tenant, brandId, content.campaignId())
                .chain(() -> repository.find(tenant, brandId, id))
                .onItem().ifNull().failWith(() -> PostProblems.notFound(id))
                .chain(post -> {
                    PostStatus status = PostStatus.fromWire(post.status);
                    if (!status.editable()) {
                        return Uni.createFrom().failure(PostProblems.conflict(
                                "A " + status.wire() + " post cannot be edited; unschedule it first"));
                    }
                    String before = post.status;
                    post.title = content.title();
                    post.plannedAt = content.plannedAt();
                    post.tags = content.tags().toArray(String[]::new);
                    post.campaignId = content.campaignId();
                    post.variants.clear();
                    content.variants().forEach(variant ->
                            post.variants.add(new PostVariant(variant.network().wire(), variant.text(), variant.media())));
                    if (status == PostStatus.APPROVED) {
                        post.status = PostStatus.IN_REVIEW.wire();
                    }
                    return history.append(post, editor, "edit", before, null).replaceWith(post);
                });
    }

    /** A post names a campaign of its own brand or none: another brand's campaign reads as unknown (400). */
    private static Uni<Void> requireCampaign(String tenant, String brandId, UUID campaignId) {
        if (campaignId == null) {
            return Uni.createFrom().voidItem();
        }
        return Campaign.findForBrand(tenant, brandId, campaignId)
                .onItem().ifNull().failWith(() -> Problems.invalidBody("campaignId", "no such campaign for this brand"))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Post> find(String tenant, String brandId, UUID id) {
        return repository.find(tenant, brandId, id);
    }

    @WithSession
    public Uni<List<Post>> planned(String tenant, String brandId, Instant from, Instant to, int limit) {
        return repository.plannedBetween(tenant, brandId, from, to, limit);
    }

    @WithSession
    public Uni<List<Post>> unplanned(String tenant, String brandId, int limit) {
        return repository.unplanned(tenant, brandId, limit);
    }
}
