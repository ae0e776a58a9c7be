package io.tribu.moderation.charter;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tribu.platform.problem.Problems;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The 400 and 409 answers of charter saves. */
final class CharterProblems {

    static final URI CONFLICT = URI.create("https://tribu.io/problems/charter-changed");

    private CharterProblems() {
    }

    /**
     * Every violation at once, each naming its field by path (rules[1].then[0].savedReplyId) and by JSON pointer
     * (/rules/1/then/0/savedReplyId, RFC 6901).
     */
    static HttpProblem invalid(List<Violation> violations) {
        Violation first = violations.get(0);
        return HttpProblem.builder()
                .withType(Problems.INVALID_BODY)
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail("The charter has " + violations.size() + " problem(s); first: " + first.field() + ": " + first.message())
                .with("violations", violations.stream()
                        .map(v -> Map.of("field", v.field(), "pointer", pointer(v.field()), "in", "body", "message", v.message()))
                        .toList())
                .build();
    }

    /** rules[1].when.all[0].label.minScore as /rules/1/when/all/0/label/minScore; the whole document is "". */
    static String pointer(String path) {
        if (path.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String token : path.replaceAll("\\[(\\d+)]", ".$1").split("\\.")) {
            if (!token.isEmpty()) {
                pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }

    static HttpProblem changedMeanwhile(String brandId) {
        return HttpProblem.builder()
                .withType(CONFLICT)
                .withStatus(Response.Status.CONFLICT)
                .withTitle("Conflict")
                .withDetail("The charter of " + brandId + " was saved by someone else at the same time; reload it and save again")
                .build();
    }
}
