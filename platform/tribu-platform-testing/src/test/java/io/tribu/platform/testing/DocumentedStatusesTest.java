package io.tribu.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocumentedStatusesTest {

    private static final JsonNode DOCUMENT = read("""
            {"paths": {
              "/brands/{brandId}/queries": {"post": {"responses": {"201": {}, "400": {}, "401": {}}}},
              "/brands/{brandId}/queries/{queryId}": {"get": {"responses": {"200": {}, "404": {}}}},
              "/brands/{brandId}/queries/grammar": {"get": {"responses": {"200": {}}}},
              "/webhooks/{id}": {"post": {"responses": {"2XX": {}, "default": {}}}}
            }}""");

    @Test
    void aDeclaredStatusPassesAndAnUndeclaredOneIsNamedWithTheOperation() {
        assertEquals(Optional.empty(), DocumentedStatuses.undocumented(DOCUMENT, "POST", "/brands/b/queries", 201));
        assertEquals(Optional.of("POST /brands/{brandId}/queries answered 200, which its document does not declare "
                        + "(it declares 201, 400, 401)"),
                DocumentedStatuses.undocumented(DOCUMENT, "POST", "/brands/b/queries", 200));
        assertEquals(Optional.empty(), DocumentedStatuses.undocumented(DOCUMENT, "get", "/brands/b/queries/q1", 404));
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        assertEquals(Optional.of("GET /brands/{brandId}/queries/grammar answered 404, which its document does not declare "
                        + "(it declares 200)"),
                DocumentedStatuses.undocumented(DOCUMENT, "GET", "/brands/b/queries/grammar", 404));
    }

    @Test
    void pathsAndMethodsTheDocumentDoesNotHaveAreNotJudged() {
        assertEquals(Optional.empty(), DocumentedStatuses.undocumented(DOCUMENT, "DELETE", "/brands/b/queries", 405));
        assertEquals(Optional.empty(), DocumentedStatuses.undocumented(DOCUMENT, "GET", "/brands/b", 404));
        assertEquals(Optional.empty(), DocumentedStatuses.undocumented(DOCUMENT, "GET", "/brands//queries/x", 500));
    }

    @Test
    void rangesAndDefaultCover() {
        assertEquals(Optional.empty(), DocumentedStatuses.undocumented(DOCUMENT, "POST", "/webhooks/x", 202));
        assertEquals(Optional.empty(), DocumentedStatuses.undocumented(DOCUMENT, "POST", "/webhooks/x", 418));
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
