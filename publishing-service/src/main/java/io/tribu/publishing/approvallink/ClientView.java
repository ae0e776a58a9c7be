package io.tribu.publishing.approvallink;

import io.tribu.publishing.post.Post;
import io.tribu.publishing.post.PostStatus;
import io.tribu.publishing.post.PostView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a client holding an approval link reads: the posts' titles, plans and variants, nothing of the agency. */
@Schema(name = "ApprovalLinkContent")
public record ClientView(String brandId, Instant expiresAt, List<ClientPost> posts) {

    @Schema(name = "ApprovalLinkPost")
    public record ClientPost(UUID id, String title, String status, @Schema(nullable = true) Instant plannedAt,
                             List<PostView.VariantView> variants,
                             @Schema(description = "Whether the client may approve or request changes now (the post is in review)")
                             boolean awaitingDecision) {

        static ClientPost of(Post post) {
            PostView view = PostView.of(post);
            return new ClientPost(post.id, post.title, post.status, post.plannedAt, view.variants(),
                    PostStatus.IN_REVIEW.wire().equals(post.status));
        }
    }

    static ClientView of(ApprovalLinks.Opened opened) {
        return new ClientView(opened.link().brandId, opened.link().expiresAt,
                opened.posts().stream().map(ClientPost::of).toList());
    }
}
