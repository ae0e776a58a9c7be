package io.tribu.publishing.bulk;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Why a file was refused: each violation names its row (1 = the first after the header), line, column and reason. */
final class ImportProblem {

    static final URI INVALID_IMPORT = URI.create("https://tribu.io/problems/invalid-import");

    /** One reason a row (or the header: row 0) cannot be imported. */
    record RowViolation(int row, int line, String field, String message) {
        Map<String, Object> json() {
            return Map.of("row", row, "line", line, "field", field, "in", "body", "message", message);
        }
    }

    private ImportProblem() {
    }

    static HttpProblem of(List<RowViolation> violations, int rows) {
        long failing = violations.stream().map(RowViolation::row).distinct().count();
        String detail = violations.stream().anyMatch(violation -> violation.row() == 0)
                ? "The file cannot be read as a calendar; nothing was imported"
                : failing + " of " + rows + " rows cannot be imported; nothing was imported: fix them and send the whole file again";
        return HttpProblem.builder().withType(INVALID_IMPORT).withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withDetail(detail)
                .with("violations", violations.stream().map(RowViolation::json).toList())
                .build();
    }

    static HttpProblem tooLarge(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.REQUEST_ENTITY_TOO_LARGE).withTitle("Content Too Large")
                .withDetail(detail).build();
    }
}
