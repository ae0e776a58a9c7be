package io.tribu.publishing.network.fake;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Business Profile API v4 reviews in their real shapes: {@code GET /v4/accounts/{a}/locations/{l}/reviews
 * ?orderBy=updateTime desc&pageSize=&pageToken=} (a ListReviewsResponse: {@code reviews}, {@code averageRating},
 * {@code totalReviewCount}, {@code nextPageToken} while more remain), {@code PUT …/reviews/{r}/reply} (a ReviewReply) and
 * {@code DELETE …/reviews/{r}/reply} ({@code {}}; 404 NOT_FOUND when the review has no reply). Errors are Google's {@code {"error": {"code", "message",
 * "status"}}}: a bearer token it did not accept is 401 UNAUTHENTICATED, a location it does not know 404 NOT_FOUND,
 * {@link #throttle()} makes the next call 429 RESOURCE_EXHAUSTED. Google's OAuth token endpoint is {@link FakeYoutube}'s
 * (the same host for every Google API): tokens it gives by refresh are accepted here until {@link #expireRefreshedTokens()}.
 */
public class FakeGoogleBusiness extends FakeNetwork {

    public static final String TOKEN = "ya29.fake-business-token";
    private static final Pattern REVIEWS = Pattern.compile("/v4/(accounts/[0-9]+/locations/[0-9]+)/reviews");
    private static final Pattern REPLY = Pattern.compile("/v4/(accounts/[0-9]+/locations/[0-9]+)/reviews/([^/]+)/reply");
    private static final List<String> STARS = List.of("ONE", "TWO", "THREE", "FOUR", "FIVE");

    /** A review as the fake keeps it; reply null while the business has not answered. */
    public record Review(String location, String reviewId, String reviewer, boolean anonymous, int stars, String comment,
                         Instant createTime, Instant updateTime, String reply, Instant replyTime) {

        public String name() {
            return location + "/reviews/" + reviewId;
        }
    }

    private final Map<String, List<Review>> byLocation = new ConcurrentHashMap<>();
    private final Map<String, List<String>> pageTokens = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean refreshedTokensValid = true;
    private volatile boolean throttled;
    private volatile String failPageToken;
    public volatile int pageSize = 2;

    /** On the port of {@code %test.tribu.networks.google-business-url}. */
    public static FakeGoogleBusiness forTheService() {
        return new FakeGoogleBusiness(FixedHosts.GOOGLE_BUSINESS_PORT);
    }

    private FakeGoogleBusiness(int port) {
        super(port);
    }

    /** A location the fake knows, with no review yet; returns its resource name. */
    public String location() {
        String location = "accounts/10821452330" + ids.incrementAndGet() + "/locations/44710293857" + ids.incrementAndGet();
        byLocation.put(location, new CopyOnWriteArrayList<>());
        return location;
    }

    /** A customer reviews the location (stars 1 to 5, comment null for stars alone); returns the review. */
    public Review review(String location, String reviewer, int stars, String comment, Instant at) {
        Review review = new Review(location, "AbFvOq" + ids.incrementAndGet() + "nR7s2kLmX9pQ", reviewer, reviewer == null, stars, comment,
                at, at, null, null);
        byLocation.get(location).add(review);
        return review;
    }

    /** The customer changes the review: new stars and comment, updateTime later. */
    public void update(Review review, int stars, String comment, Instant at) {
        byLocation.get(review.location()).replaceAll(r -> r.reviewId().equals(review.reviewId())
                ? new Review(r.location(), r.reviewId(), r.reviewer(), r.anonymous(), stars, comment, r.createTime(), at, r.reply(), r.replyTime())
                : r);
    }

    /** The business answered the review (outside Tribu, or before the channel was connected). */
    public void answer(Review review, String reply) {
        Instant at = review.updateTime().plusSeconds(60);
        byLocation.get(review.location()).replaceAll(r -> r.reviewId().equals(review.reviewId())
                ? new Review(r.location(), r.reviewId(), r.reviewer(), r.anonymous(), r.stars(), r.comment(), r.createTime(),
                r.updateTime(), reply, at)
                : r);
    }

    /** The review as it is now. */
    public Review current(Review review) {
        return byLocation.get(review.location()).stream().filter(r -> r.reviewId().equals(review.reviewId())).findFirst().orElseThrow();
    }

    public void throttle() {
        throttled = true;
    }

    /** The reviews request carrying this page token answers 503 (once). */
    public void failPage(String pageToken) {
        failPageToken = pageToken;
    }

    /** The access tokens given by refreshes stop working. */
    public void expireRefreshedTokens() {
        refreshedTokensValid = false;
    }

    /** The pageToken of every reviews request of the location, "-" for a first page, in order. */
    public List<String> pageTokens(String location) {
        return List.copyOf(pageTokens.getOrDefault(location, List.of()));
    }

    /** The token of the page starting at review {@code offset}, as the fake writes them. */
    public static String pageToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("reviews:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
        if (!TOKEN.equals(token) && !(refreshedTokensValid && token.startsWith("ya29.fake-refreshed-"))) {
            answer(exchange, 401, error(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login "
                    + "cookie or other valid authentication credential.", "UNAUTHENTICATED"));
            return;
        }
        if (throttled) {
            throttled = false;
            exchange.getResponseHeaders().add("Retry-After", "120");
            answer(exchange, 429, error(429, "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service "
                    + "'mybusiness.googleapis.com'.", "RESOURCE_EXHAUSTED"));
            return;
        }
        Matcher list = REVIEWS.matcher(path);
        Matcher reply = REPLY.matcher(path);
        if (list.matches() && exchange.getRequestMethod().equals("GET") && byLocation.containsKey(list.group(1))) {
            reviews(exchange, list.group(1));
        } else if (reply.matches() && byLocation.containsKey(reply.group(1))
                && byLocation.get(reply.group(1)).stream().anyMatch(r -> r.reviewId().equals(reply.group(2)))) {
            reply(exchange, reply.group(1), reply.group(2));
        } else {
            answer(exchange, 404, error(404, "Requested entity was not found.", "NOT_FOUND"));
        }
    }

    private void reviews(HttpExchange exchange, String location) throws IOException {
        String pageToken = query(exchange, "pageToken");
        pageTokens.computeIfAbsent(location, l -> new CopyOnWriteArrayList<>()).add(pageToken == null ? "-" : pageToken);
        if (pageToken != null && pageToken.equals(failPageToken)) {
            failPageToken = null;
            answer(exchange, 503, error(503, "The service is currently unavailable.", "UNAVAILABLE"));
            return;
        }
        int offset = pageToken == null ? 0 : Integer.parseInt(new String(Base64.getUrlDecoder().decode(pageToken),
                StandardCharsets.UTF_8).substring("reviews:".length()));
        List<Review> all = byLocation.get(location).stream().sorted(Comparator.comparing(Review::updateTime).reversed()).toList();
        List<Object> items = new ArrayList<>();
        for (Review review : all.subList(Math.min(offset, all.size()), Math.min(offset + pageSize, all.size()))) {
            items.add(resource(review));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reviews", items);
        answer.put("averageRating", all.stream().mapToInt(Review::stars).average().orElse(0));
        answer.put("totalReviewCount", all.size());
        if (offset + pageSize < all.size()) {
            answer.put("nextPageToken", pageToken(offset + pageSize));
        }
        answer(exchange, 200, answer);
    }

    private void reply(HttpExchange exchange, String location, String reviewId) throws IOException {
        Instant now = Instant.now();
        if (exchange.getRequestMethod().equals("PUT")) {
            String comment = body(exchange).path("comment").asText();
            byLocation.get(location).replaceAll(r -> r.reviewId().equals(reviewId) ? new Review(r.location(), r.reviewId(), r.reviewer(),
                    r.anonymous(), r.stars(), r.comment(), r.createTime(), r.updateTime(), comment, now) : r);
            answer(exchange, 200, Map.of("comment", comment, "updateTime", now.toString()));
        } else if (exchange.getRequestMethod().equals("DELETE")
                && byLocation.get(location).stream().anyMatch(r -> r.reviewId().equals(reviewId) && r.reply() != null)) {
            byLocation.get(location).replaceAll(r -> r.reviewId().equals(reviewId) ? new Review(r.location(), r.reviewId(), r.reviewer(),
                    r.anonymous(), r.stars(), r.comment(), r.createTime(), r.updateTime(), null, null) : r);
            answer(exchange, 200, Map.of());
        } else {
            answer(exchange, 404, error(404, "Requested entity was not found.", "NOT_FOUND"));
        }
    }

    private static Map<String, Object> resource(Review review) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", review.name());
        resource.put("reviewId", review.reviewId());
        Map<String, Object> reviewer = new LinkedHashMap<>();
        if (!review.anonymous()) {
            reviewer.put("displayName", review.reviewer());
            reviewer.put("profilePhotoUrl", "https://lh3.googleusercontent.com/a/fake=s120");
        }
        reviewer.put("isAnonymous", review.anonymous());
        resource.put("reviewer", reviewer);
        resource.put("starRating", STARS.get(review.stars() - 1));
        if (review.comment() != null) {
            resource.put("comment", review.comment());
        }
        resource.put("createTime", review.createTime().toString());
        resource.put("updateTime", review.updateTime().toString());
        if (review.reply() != null) {
            resource.put("reviewReply", Map.of("comment", review.reply(), "updateTime", review.replyTime().toString()));
        }
        return resource;
    }

    private static Map<String, Object> error(int code, String message, String status) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        return Map.of("error", error);
    }
}
