package io.tribu.publishing.approval;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.delivery.DeliveryPlanner;
import io.tribu.publishing.post.Post;
import io.tribu.publishing.post.PostHistory;
import io.tribu.publishing.post.PostProblems;
import io.tribu.publishing.post.PostRepository;
import io.tribu.publishing.post.PostStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ApprovalService {

    private final PostRepository posts;
    private final PostHistory history;
    private final DeliveryPlanner deliveries;
    private final Clock clock;

    public ApprovalService(PostRepository posts, PostHistory history, DeliveryPlanner deliveries, Clock clock) {
        this.posts = posts;
        this.history = history;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * Moves the post along the workflow if the caller's role allows it and the post is where the move
     * starts. The conditional update makes concurrent moves safe: one wins, the other gets 409.
     */
    @WithTransaction
    public Uni<Post> apply(String tenant, String brandId, UUID postId, String actor, Set<String> roles,
                           TransitionRequest request) {
        PostAction action = PostAction.fromWire(request.action());
        if (action.roles().stream().noneMatch(roles::contains)) {
            return Uni.createFrom().failure(HttpProblem.builder()
                    .withStatus(Response.Status.FORBIDDEN)
                    .withTitle("Forbidden")
                    .withDetail("Only " + String.join(" or ", action.roles().stream().sorted().toList())
                            + " may " + action.wire() + " a post")
                    .build());
        }
        return find(tenant, brandId, postId).call(post -> action == PostAction.APPROVE ? notItsWriter(post, actor)
                : Uni.createFrom().voidItem()).chain(post -> {
            if (!post.status.equals(action.from().wire())) {
                return Uni.createFrom().failure(PostProblems.conflict("The post is " + post.status + "; "
                        + action.wire() + " applies to a " + action.from().wire() + " post"));
            }
            if (action == PostAction.SCHEDULE && (post.plannedAt == null || !post.plannedAt.isAfter(clock.instant()))) {
                return Uni.createFrom().failure(PostProblems.conflict(
                        "Only a post planned in the future can be scheduled; set plannedAt first"));
            }
            return posts.move(post.id, action.from(), action.to())
                    .chain(updated -> updated == 0
                            ? Uni.createFrom().failure(PostProblems.conflict("The post was moved by someone else"))
                            : Uni.createFrom().item(() -> {
                                // The row already says so; keeping the loaded post in step avoids a reload.
                                post.status = action.to().wire();
                                return post;
                            }))
                    .call(moved -> action == PostAction.SCHEDULE ? deliveries.plan(moved)
                            : action == PostAction.UNSCHEDULE ? deliveries.cancel(moved)
                            : Uni.createFrom().voidItem())
                    .call(moved -> history.append(moved, actor, action.wire(), action.from().wire(), request.comment()));
        });
    }

    /** Four eyes: whoever created or edited the post cannot approve it, admins included. */
    private Uni<Void> notItsWriter(Post post, String actor) {
        if (actor.equals(post.createdBy)) {
            return Uni.createFrom().failure(PostProblems.ownPost(
                    "You wrote this post: someone else (an admin or client-approver) must approve it"));
        }
        return history.editedBy(post, actor).chain(edited -> edited
                ? Uni.createFrom().failure(PostProblems.ownPost(
                        "You edited this post: someone else (an admin or client-approver) must approve it"))
                : Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Post> comment(String tenant, String brandId, UUID postId, String actor, String text) {
        return find(tenant, brandId, postId)
                .call(post -> history.append(post, actor, "comment", post.status, text));
    }

    @WithSession
    public Uni<List<PostHistory.Line>> history(String tenant, String brandId, UUID postId) {
        return find(tenant, brandId, postId).chain(history::of);
    }

    private Uni<Post> find(String tenant, String brandId, UUID postId) {
        return posts.find(tenant, brandId, postId)
                .onItem().ifNull().failWith(() -> PostProblems.notFound(postId));
    }
}
