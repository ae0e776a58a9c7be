package io.tribu.publishing.post;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tribu.platform.access.NotFoundProblems;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** Problems a post's workflow answers with. */
public final class PostProblems {

    public static final URI WRONG_STATUS = URI.create("https://tribu.io/problems/wrong-status");
    public static final URI OWN_POST = URI.create("https://tribu.io/problems/own-post");

    private PostProblems() {
    }

    public static HttpProblem notFound(UUID id) {
        return NotFoundProblems.of("Post " + id + " not found");
    }

    /**
     * 403: the caller wrote the post (created or edited it) and so cannot approve it, whatever their role.
     * Not 409: no change of the post's status would make the move theirs to make.
     */
    public static HttpProblem ownPost(String detail) {
        return HttpProblem.builder()
                .withType(OWN_POST)
                .withStatus(Response.Status.FORBIDDEN)
                .withTitle("Forbidden")
                .withDetail(detail)
                .build();
    }

    /** 409: the post is not in a status that allows this (or another user moved it first). */
    public static HttpProblem conflict(String detail) {
        return HttpProblem.builder()
                .withType(WRONG_STATUS)
                .withStatus(Response.Status.CONFLICT)
                .withTitle("Conflict")
                .withDetail(detail)
                .build();
    }
}
