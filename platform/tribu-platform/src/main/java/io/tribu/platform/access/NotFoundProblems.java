package io.tribu.platform.access;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tribu.platform.problem.Problems;
import jakarta.ws.rs.core.Response;

/** 404 answers; the same shape whether the row is missing or belongs to someone else. */
public final class NotFoundProblems {

    private NotFoundProblems() {
    }

    public static HttpProblem brand(String brandId) {
        return of("Brand " + brandId + " not found");
    }

    public static HttpProblem of(String detail) {
        return HttpProblem.builder()
                .withType(Problems.NOT_FOUND)
                .withStatus(Response.Status.NOT_FOUND)
                .withTitle("Not Found")
                .withDetail(detail)
                .build();
    }
}
