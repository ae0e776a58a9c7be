package io.tribu.publishing.post;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tribu.publishing.access.NotFoundProblems;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** Problems a post's workflow answers with. */
public final class PostProblems {

    public static final URI WRONG_STATUS = URI.create("https://tribu.io/problems/wrong-status");

    private PostProblems() {
    }

    public static HttpProblem notFound(UUID id) {
        return NotFoundProblems.of("Post " + id + " not found");
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
