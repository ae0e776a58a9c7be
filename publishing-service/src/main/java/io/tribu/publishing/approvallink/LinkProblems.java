package io.tribu.publishing.approvallink;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tribu.platform.problem.Problems;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The problems of approval links. */
final class LinkProblems {

    static final URI LINK_GONE = URI.create("https://tribu.io/problems/link-gone");
    static final URI TOO_MANY_REQUESTS = URI.create("https://tribu.io/problems/too-many-requests");

    private LinkProblems() {
    }

    /** Unknown, malformed, altered or signed with a retired key: all the same answer, so a guess learns nothing. */
    static HttpProblem unknown() {
        return HttpProblem.builder().withType(Problems.NOT_FOUND).withStatus(Response.Status.NOT_FOUND)
                .withTitle("Not Found").withDetail("No such approval link").build();
    }

    /** Only a holder of a genuine link can get here, so saying why it no longer opens tells nothing to a guesser. */
    static HttpProblem gone(String detail) {
        return HttpProblem.builder().withType(LINK_GONE).withStatus(Response.Status.GONE)
                .withTitle("Gone").withDetail(detail).build();
    }

    static HttpProblem tooManyRequests(long retryAfterSeconds) {
        return HttpProblem.builder().withType(TOO_MANY_REQUESTS).withStatus(Response.Status.TOO_MANY_REQUESTS)
                .withTitle("Too Many Requests")
                .withDetail("Too many requests from this address to approval links; retry in " + retryAfterSeconds + " s")
                .withHeader("Retry-After", retryAfterSeconds).build();
    }
}
