package io.tribu.moderation.reply;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tribu.platform.problem.Problems;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The answers of edits made without, or against an old, version of a saved reply. */
final class SavedReplyProblems {

    static final URI PRECONDITION_FAILED = URI.create("https://tribu.io/problems/precondition-failed");

    private SavedReplyProblems() {
    }

    /** 412: someone else edited it since the version sent in If-Match. */
    static HttpProblem staleVersion(SavedReply reply) {
        return HttpProblem.builder()
                .withType(PRECONDITION_FAILED)
                .withStatus(Response.Status.PRECONDITION_FAILED)
                .withTitle("Precondition Failed")
                .withDetail("Saved reply " + reply.id + " was edited by someone else; reload it and edit again")
                .with("currentVersion", reply.version)
                .build();
    }

    /** If-Match is required: an edit that names no version could overwrite one it never saw. */
    static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.invalidHeader("If-Match", "is required: the version of the saved reply being edited");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Problems.invalidHeader("If-Match", "must be the saved reply's version, e.g. \"3\"");
    }
}
