package io.tribu.publishing.network;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Reading the parts of HTTP answers every network shares: status classes and Retry-After. */
final class HttpAnswers {

    private HttpAnswers() {
    }

    /**
     * Retry-After as seconds or as an HTTP date; else a reset header giving the epoch second the
     * rate-limit window reopens (Bluesky {@code RateLimit-Reset}, X {@code x-rate-limit-reset}).
     */
    static Duration retryAfter(HttpResponse<?> response, String resetHeader, Instant receivedAt) {
        return retryAfter(name -> response.headers().firstValue(name), resetHeader, receivedAt);
    }

    /** {@link #retryAfter(HttpResponse, String, Instant)} with the answer's headers looked up by name. */
    static Duration retryAfter(Function<String, Optional<String>> headers, String resetHeader, Instant receivedAt) {
        Optional<String> header = headers.apply("Retry-After");
        if (header.isPresent()) {
            String value = header.get().trim();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    return positive(Duration.between(receivedAt,
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
        if (resetHeader != null) {
            Optional<String> reset = headers.apply(resetHeader);
            if (reset.isPresent()) {
                try {
                    return positive(Duration.between(receivedAt, Instant.ofEpochSecond(Long.parseLong(reset.get().trim()))));
                } catch (NumberFormatException unreadable) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** Common mapping of failures: 401 token refused, 429 and 5xx later, any other 4xx refused for good. */
    static Outcome failure(ReceivedResponse response, String reason, String resetHeader) {
        int status = response.statusCode();
        if (status == 401) {
            return new Outcome.AuthExpired(reason);
        }
        if (status == 429 || status >= 500) {
            return new Outcome.Retry(retryAfter(response, resetHeader, response.receivedAt()), status + " " + reason);
        }
        return new Outcome.Permanent(reason);
    }
}
