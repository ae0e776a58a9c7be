package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Set;

/**
 * Meta Graph API errors (Facebook Pages and Instagram): {"error": {"message", "type", "code",
 * "error_subcode"}}. The code decides, not only the HTTP status: an expired or revoked token is code 190
 * (HTTP 400 or 401); rate limits are codes 4, 17, 32, 613 and 80001..80014 (usually 400 with no
 * Retry-After); 1 and 2 are transient; 506 is a duplicate post.
 */
final class GraphAnswers {

    static final String VERSION = "/v21.0";
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613);

    private GraphAnswers() {
    }

    static String reason(JsonNode body, HttpResponse<String> response) {
        JsonNode error = body.path("error");
        if (error.isMissingNode()) {
            return "HTTP " + response.statusCode();
        }
        return error.path("message").asText("HTTP " + response.statusCode()) + " (code " + error.path("code").asInt() + ")";
    }

    static int code(JsonNode body) {
        return body.path("error").path("code").asInt(0);
    }

    static Outcome failure(ReceivedResponse response, JsonNode body) {
        int code = code(body);
        String reason = reason(body, response);
        if (code == 190 || code == 102) {
            return new Outcome.AuthExpired(reason);
        }
        if (RATE_LIMITS.contains(code) || (code >= 80001 && code <= 80014) || code == 1 || code == 2) {
            return new Outcome.Retry(HttpAnswers.retryAfter(response, null, response.receivedAt()), reason);
        }
        if (code == 506) {
            return new Outcome.Permanent("duplicate post refused by the network: " + reason);
        }
        return HttpAnswers.failure(response, reason, null);
    }
}
