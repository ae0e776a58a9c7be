package io.tribu.listening.source.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.source.GuardedFetcher;
import io.tribu.listening.source.GuardedFetcher.SourceException;
import io.tribu.platform.net.PinnedHttp;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * YouTube Data API v3 {@code search.list}: {@code GET /youtube/v3/search?part=snippet&type=video&q=&order=date
 * &publishedAfter=&maxResults=50&pageToken=}, 100 quota units a call, at the operator's {@code tribu.sources.youtube.url}
 * through the {@link GuardedFetcher} (the address the SSRF guard checked, the body capped). The key goes in the
 * {@code X-Goog-Api-Key} header, never in the URL, so no error message, log line or proxy log carries it. Errors are
 * Google's JSON {@code {"error": {"code", "message", "errors": [{"reason", "domain"}]}}}: 403 {@code quotaExceeded}
 * (the project's day is spent: not before the next quota day), 400 {@code keyInvalid} (or {@code API_KEY_INVALID} in the newer
 * {@code details}), 5xx and 429 at the next poll.
 */
@ApplicationScoped
class YoutubeSearch {

    static final int PAGE_SIZE = 50;

    private final GuardedFetcher fetcher;
    private final ObjectMapper json;
    private final String base;

    YoutubeSearch(GuardedFetcher fetcher, ObjectMapper json, ListeningConfig config) {
        this.fetcher = fetcher;
        this.json = json;
        this.base = config.sources().youtube().url().toString().replaceAll("/+$", "");
    }

    /** One page of the newest videos matching {@code query} published after {@code publishedAfter}. */
    SearchPage page(String query, String apiKey, Instant publishedAfter, String pageToken, Instant nextQuotaDay)
            throws IOException, InterruptedException {
        URI url = URI.create(base + "/youtube/v3/search?part=snippet&type=video&order=date&maxResults=" + PAGE_SIZE
                + "&q=" + encoded(query) + "&publishedAfter=" + encoded(publishedAfter.toString())
                + (pageToken == null ? "" : "&pageToken=" + encoded(pageToken)));
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .addHeader("Accept", "application/json")
                .addHeader("X-Goog-Api-Key", apiKey)
                .addHeader("User-Agent", "Tribu-Listening/1.0 (+https://tribu.io)");
        PinnedHttp.Exchange response = fetcher.exchange(url, request);
        int status = response.status();
        if (status == 200) {
            try {
                return json.readValue(response.body().getBytes(), SearchPage.class);
            } catch (IOException e) {
                throw new SourceException("not a YouTube search answer");
            }
        }
        String reason = reason(response.body().getBytes());
        if (status == 403 && ("quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason))) {
            throw new SourceException("YouTube quota exceeded (" + reason + "): waits for the next quota day", nextQuotaDay);
        }
        if (status == 400 && ("keyInvalid".equals(reason) || "API_KEY_INVALID".equals(reason))) {
            throw new SourceException("YouTube refused the API key (" + reason + ")");
        }
        if (status == 429 || status >= 500) {
            throw new SourceException("YouTube answered " + status + (reason == null ? "" : " (" + reason + ")")
                    + ": tried again at the next poll");
        }
        throw new SourceException("YouTube refused the search: " + status + (reason == null ? "" : " (" + reason + ")"));
    }

    /** Google's reason: the newer {@code details[].reason} (API_KEY_INVALID) first, else {@code errors[0].reason}. */
    private String reason(byte[] body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            for (JsonNode detail : error.path("details")) {
                if (detail.hasNonNull("reason")) {
                    return detail.get("reason").asText();
                }
            }
            JsonNode first = error.path("errors").path(0);
            return first.hasNonNull("reason") ? first.get("reason").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
