package io.tribu.analytics.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What every error answer looks like (RFC 9457 application/problem+json), for the OpenAPI document only. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record ProblemDocument(
        @Schema(description = "problem type URI, or about:blank", examples = "https://tribu.io/problems/invalid-parameter") String type,
        @Schema(examples = "Bad Request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "limit: must be a whole number from 1 to 100") String detail,
        @Schema(description = "the request's path", examples = "/brands/cafe-lumiere/authors") String instance,
        @Schema(description = "invalid input: one entry per refused parameter or field, at most 100") List<Violation> violations,
        @Schema(description = "how many more violations there were beyond the 100 listed; absent when none", examples = "4900")
        Integer violationsOmitted) {

    @Schema(name = "ProblemViolation")
    public record Violation(
            @Schema(description = "the parameter, header or JSON path of the body", examples = "limit") String field,
            @Schema(enumeration = {"query", "header", "body"}) String in,
            @Schema(examples = "must be a whole number from 1 to 100") String message) {
    }
}
