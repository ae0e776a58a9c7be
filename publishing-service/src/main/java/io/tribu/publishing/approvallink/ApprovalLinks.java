package io.tribu.publishing.approvallink;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.problem.Problems;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.platform.access.Roles;
import io.tribu.publishing.approval.ApprovalService;
import io.tribu.publishing.approval.TransitionRequest;
import io.tribu.publishing.post.Post;
import io.tribu.publishing.post.PostHistory;
import io.tribu.publishing.post.PostRepository;
import io.tribu.publishing.post.PostProblems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Client approval links: created and revoked by the agency, opened by a client without an account, who may read
 * the linked posts' variants and approve them or request changes, nothing else. Every creation, opening, decision
 * and revocation is a line of each linked post's history, by "approval link" and the link's first 8 characters.
 */
@ApplicationScoped
public class ApprovalLinks {

    /** A link as its creator sees it; the token only in the creation answer. */
    public record Created(ApprovalLink link, String token) {
    }

    /** A genuine, open link and its posts, as the client reads them. */
    public record Opened(ApprovalLink link, List<Post> posts) {
    }

    private final ApprovalLinkSigner signer;
    private final PostRepository posts;
    private final ApprovalService approvals;
    private final PostHistory history;
    private final Clock clock;

    public ApprovalLinks(ApprovalLinkSigner signer, PostRepository posts, ApprovalService approvals, PostHistory history,
                         Clock clock) {
        this.posts = posts;
        this.signer = signer;
        this.approvals = approvals;
        this.history = history;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Created> create(String tenant, String brandId, String creator, List<UUID> postIds, int days) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < postIds.size(); i++) {
            if (!seen.add(postIds.get(i))) {
                return Uni.createFrom().failure(Problems.invalidBody("postIds[" + i + "]", "is listed twice"));
            }
        }
        return posts.listed(tenant, brandId, postIds).chain(found -> {
            Set<UUID> known = new HashSet<>(found.stream().map(post -> post.id).toList());
            for (int i = 0; i < postIds.size(); i++) {
                if (!known.contains(postIds.get(i))) {
                    return Uni.createFrom().failure(Problems.invalidBody("postIds[" + i + "]", "no such post for this brand"));
                }
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ApprovalLink link = new ApprovalLink();
            link.id = UUID.randomUUID();
            link.tenant = tenant;
            link.brandId = brandId;
            link.keyId = signer.activeKeyId();
            link.postIds = new ArrayList<>(postIds);
            link.createdBy = creator;
            link.createdAt = now;
            link.expiresAt = now.plus(Duration.ofDays(days));
            return link.<ApprovalLink>persistAndFlush()
                    .call(stored -> note(found, creator, "link-created", "approval link " + shortId(stored) + " until " + stored.expiresAt))
                    .map(stored -> new Created(stored, signer.token(stored.id, stored.keyId)));
        });
    }

    @WithSession
    public Uni<List<ApprovalLink>> list(String tenant, String brandId, int limit) {
        return ApprovalLink.ofBrand(tenant, brandId, limit);
    }

    /** Revokes the link (again: nothing changes); 404 when it is not the tenant's and brand's. */
    @WithTransaction
    public Uni<Void> revoke(String tenant, String brandId, UUID linkId, String actor) {
        return ApprovalLink.withPosts(linkId)
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Approval link " + linkId + " not found"))
                .chain(link -> !link.tenant.equals(tenant) || !link.brandId.equals(brandId)
                        ? Uni.createFrom().failure(NotFoundProblems.of("Approval link " + linkId + " not found"))
                        : link.revokedAt != null ? Uni.createFrom().voidItem()
                        : ApprovalLink.update("revokedAt = ?1, revokedBy = ?2 where id = ?3 and revokedAt is null",
                                        clock.instant(), actor, linkId)
                                .chain(() -> posts(link))
                                .chain(posts -> note(posts, actor, "link-revoked", "approval link " + shortId(link))));
    }

    /** Opens a link for its client: a line "link-opened" in each post's history. */
    @WithTransaction
    public Uni<Opened> open(String token) {
        return genuine(token, false).chain(link -> posts(link)
                .call(posts -> note(posts, actor(link), "link-opened", null))
                .map(posts -> new Opened(link, posts)));
    }

    /**
     * The client's decision on one linked post: approve or request-changes, through the approval workflow (the post
     * must be in review). The link row is read with a share lock, so a revocation waits for a decision in progress
     * and a decision after it sees it revoked.
     */
    @WithTransaction
    public Uni<Post> decide(String token, UUID postId, String action, String comment) {
        return genuine(token, true).chain(link -> {
            if (!link.postIds.contains(postId)) {
                return Uni.createFrom().failure(PostProblems.notFound(postId));
            }
            return approvals.apply(link.tenant, link.brandId, postId, actor(link), Set.of(Roles.CLIENT_APPROVER),
                    new TransitionRequest(action, comment, null, null));
        });
    }

    /** The link a token opens: 404 for anything not signed by a key of the keyring, 410 once expired or revoked. */
    private Uni<ApprovalLink> genuine(String token, boolean shareLock) {
        var signed = signer.verify(token);
        if (signed.isEmpty()) {
            return Uni.createFrom().failure(LinkProblems.unknown());
        }
        UUID id = signed.get().linkId();
        Uni<Void> locked = shareLock ? ApprovalLink.shareLock(id) : Uni.createFrom().voidItem();
        return locked.chain(() -> ApprovalLink.withPosts(id)).chain(link -> {
            if (link == null || !link.keyId.equals(signed.get().keyId())) {
                return Uni.createFrom().failure(LinkProblems.unknown());
            }
            if (link.revokedAt != null) {
                return Uni.createFrom().failure(LinkProblems.gone("This approval link was revoked; ask the agency for a new one"));
            }
            if (!link.openAt(clock.instant())) {
                return Uni.createFrom().failure(LinkProblems.gone("This approval link expired at " + link.expiresAt
                        + "; ask the agency for a new one"));
            }
            return Uni.createFrom().item(link);
        });
    }

    private Uni<List<Post>> posts(ApprovalLink link) {
        return posts.withVariants(link.tenant, link.brandId, link.postIds);
    }

    private Uni<Void> note(List<Post> posts, String actor, String action, String comment) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Post post : posts) {
            all = all.call(() -> history.append(post, actor, action, post.status, comment));
        }
        return all;
    }

    static String actor(ApprovalLink link) {
        return "approval link " + shortId(link);
    }

    private static String shortId(ApprovalLink link) {
        return link.id.toString().substring(0, 8);
    }
}
