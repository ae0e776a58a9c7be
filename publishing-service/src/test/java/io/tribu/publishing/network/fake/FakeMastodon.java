package io.tribu.publishing.network.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mastodon's statuses API: {@code POST /api/v1/statuses} (Bearer token, Idempotency-Key: a repeated key
 * answers the status it created), {@code GET /api/v1/statuses/:id}. Counts every POST per key so tests
 * can tell how many statuses a key really created. For moderation:
 * {@code GET /api/v2/search?resolve=true} finds a status by its URL, {@code in_reply_to_id} and
 * {@code visibility} on POST, {@code DELETE /api/v1/statuses/:id} (another account's status answers
 * 404 "Record not found", as Mastodon looks it up among the caller's own statuses),
 * {@code POST /api/v1/accounts/:id/mute|unmute}, {@code GET /api/v1/accounts/verify_credentials}.
 * Media: {@code POST /api/v2/media} (multipart {@code file}; not an image or video: 422 "File content type
 * is invalid"; a video is processed asynchronously: 202 with {@code url: null}, then
 * {@code GET /api/v1/media/:id} answers 206 twice before 200), and {@code media_ids} on the status
 * (unknown id 422, an attachment still processing 422, at most 4).
 */
public class FakeMastodon extends FakeNetwork {

    public static final String TOKEN = "fake-mastodon-token";

    private final AtomicLong ids = new AtomicLong(113650471869034000L);
    private final Map<String, Map<String, Object>> byKey = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> byId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSeenAt = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final java.util.Set<String> muted = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Object>> attachments = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> processing = new ConcurrentHashMap<>();
    private final AtomicInteger uploads = new AtomicInteger();
    static final Map<String, Object> OWN_ACCOUNT = Map.of("id", "109000000000000001", "acct", "cafe", "username", "cafe");

    public FakeMastodon() {
        super(0);
    }

    /** Listening on {@code host} (a loopback address), a free port. */
    public FakeMastodon(String host) {
        super(host, 0);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"The access token is invalid\"}");
            return;
        }
        if (path.equals("/api/v1/statuses") && exchange.getRequestMethod().equals("POST")) {
            requests.incrementAndGet();
            JsonNode body = body(exchange);
            String text = body.path("status").asText();
            if (text.isBlank()) {
                answer(exchange, 422, "{\"error\":\"Validation failed: Text can't be blank\"}");
                return;
            }
            java.util.List<Map<String, Object>> media = new java.util.ArrayList<>();
            for (JsonNode id : body.path("media_ids")) {
                Map<String, Object> attachment = attachments.get(id.asText());
                if (attachment == null) {
                    answer(exchange, 422, "{\"error\":\"Validation failed: Media attachments is invalid\"}");
                    return;
                }
                if (processing.containsKey(id.asText())) {
                    answer(exchange, 422, "{\"error\":\"Cannot attach files that have not finished processing. Try again in a moment!\"}");
                    return;
                }
                media.add(attachment);
            }
            if (media.size() > 4) {
                answer(exchange, 422, "{\"error\":\"Validation failed: Media attachments too many\"}");
                return;
            }
            String inReplyTo = body.path("in_reply_to_id").asText(null);
            if (inReplyTo != null && !byId.containsKey(inReplyTo)) {
                answer(exchange, 404, "{\"error\":\"Record not found\"}");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null) {
                calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            Map<String, Object> status = key == null ? newStatus(text)
                    : byKey.computeIfAbsent(key, k -> {
                        created.computeIfAbsent(k, c -> new AtomicInteger()).incrementAndGet();
                        firstSeenAt.put(k, clock.instant());
                        Map<String, Object> made = newStatus(text, inReplyTo, body.path("visibility").asText("public"));
                        made.put("media_attachments", media);
                        return made;
                    });
            answer(exchange, 200, status);
        } else if (path.equals("/api/v2/media") && exchange.getRequestMethod().equals("POST")) {
            upload(exchange);
        } else if (path.startsWith("/api/v1/media/") && exchange.getRequestMethod().equals("GET")) {
            String id = path.substring("/api/v1/media/".length());
            Map<String, Object> attachment = attachments.get(id);
            AtomicInteger polls = processing.get(id);
            if (attachment == null) {
                answer(exchange, 404, "{\"error\":\"Record not found\"}");
            } else if (polls != null && polls.decrementAndGet() >= 0) {
                answer(exchange, 206, attachment);
            } else {
                processing.remove(id);
                attachment.put("url", "https://files.mastodon.example/media_attachments/" + id + "/original");
                answer(exchange, 200, attachment);
            }
        } else if (path.equals("/api/v2/search")) {
            String query = query(exchange, "q");
            answer(exchange, 200, Map.of("accounts", java.util.List.of(), "hashtags", java.util.List.of(), "statuses",
                    byId.values().stream().filter(status -> query.equals(status.get("url"))).toList()));
        } else if (path.equals("/api/v1/accounts/verify_credentials")) {
            answer(exchange, 200, OWN_ACCOUNT);
        } else if (path.matches("/api/v1/accounts/[^/]+/(mute|unmute)") && exchange.getRequestMethod().equals("POST")) {
            String account = path.split("/")[4];
            if (path.endsWith("/mute")) {
                muted.add(account);
            } else {
                muted.remove(account);
            }
            answer(exchange, 200, Map.of("id", account, "muting", muted.contains(account)));
        } else if (path.startsWith("/api/v1/statuses/") && exchange.getRequestMethod().equals("DELETE")) {
            String id = path.substring("/api/v1/statuses/".length());
            Map<String, Object> status = byId.get(id);
            if (status == null || !OWN_ACCOUNT.equals(status.get("account"))) {
                answer(exchange, 404, "{\"error\":\"Record not found\"}");
                return;
            }
            byId.remove(id);
            answer(exchange, 200, status);
        } else if (path.startsWith("/api/v1/statuses/") && exchange.getRequestMethod().equals("GET")) {
            Map<String, Object> status = byId.get(path.substring("/api/v1/statuses/".length()));
            if (status == null) {
                answer(exchange, 404, "{\"error\":\"Record not found\"}");
            } else {
                answer(exchange, 200, status);
            }
        } else {
            answer(exchange, 404, "{\"error\":\"Not found\"}");
        }
    }

    private void upload(HttpExchange exchange) throws IOException {
        uploads.incrementAndGet();
        var form = MultipartForm.read(exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes());
        MultipartForm.Part file = form == null ? null : form.get("file");
        if (file == null || file.bytes().length == 0) {
            answer(exchange, 422, "{\"error\":\"Validation failed: File can't be blank\"}");
            return;
        }
        String type = file.contentType() == null ? "" : file.contentType();
        if (!type.startsWith("image/") && !type.startsWith("video/")) {
            answer(exchange, 422, "{\"error\":\"Validation failed: File content type is invalid\"}");
            return;
        }
        String id = Long.toString(ids.incrementAndGet());
        Map<String, Object> attachment = new ConcurrentHashMap<>();
        attachment.put("id", id);
        attachment.put("type", type.startsWith("video/") ? "video" : "image");
        attachment.put("size", file.bytes().length);
        attachment.put("file_name", file.fileName());
        attachments.put(id, attachment);
        if (type.startsWith("video/")) {
            processing.put(id, new AtomicInteger(2));
            answer(exchange, 202, "{\"id\":\"" + id + "\",\"type\":\"video\",\"url\":null}");
        } else {
            attachment.put("url", "https://files.mastodon.example/media_attachments/" + id + "/original");
            answer(exchange, 200, attachment);
        }
    }

    /** Media uploads received, refused ones included. */
    public int uploads() {
        return uploads.get();
    }

    private Map<String, Object> newStatus(String text) {
        return newStatus(text, null, "public");
    }

    private Map<String, Object> newStatus(String text, String inReplyTo, String visibility) {
        String id = Long.toString(ids.incrementAndGet());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", id);
        status.put("created_at", java.time.Instant.now().toString());
        status.put("visibility", visibility);
        status.put("in_reply_to_id", inReplyTo);
        status.put("account", OWN_ACCOUNT);
        status.put("url", "https://mastodon.example/@cafe/" + id);
        status.put("content", "<p>" + text + "</p>");
        status.put("replies_count", 2);
        status.put("reblogs_count", 3);
        status.put("favourites_count", 5);
        byId.put(id, status);
        return status;
    }

    /**
     * A status of another account, federated to this instance: found by search at {@code url}, with a
     * local id of this instance's own. Returns that local id.
     */
    public String remoteStatus(String url, String accountId, String acct) {
        String id = Long.toString(ids.incrementAndGet());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", id);
        status.put("visibility", "public");
        status.put("account", Map.of("id", accountId, "acct", acct, "username", acct.replaceAll("@.*", "")));
        status.put("url", url);
        status.put("content", "<p>Ma commande n'est toujours pas arrivée</p>");
        byId.put(id, status);
        return id;
    }

    public Map<String, Object> status(String id) {
        return byId.get(id);
    }

    /** Statuses answering this one (reply or direct message). */
    public java.util.List<Map<String, Object>> repliesTo(String id) {
        return byId.values().stream().filter(status -> id.equals(status.get("in_reply_to_id"))).toList();
    }

    public boolean isMuted(String accountId) {
        return muted.contains(accountId);
    }

    /** How many statuses this idempotency key created (1 when exactly once). */
    public int createdFor(String key) {
        AtomicInteger count = created.get(key);
        return count == null ? 0 : count.get();
    }

    /** How many POSTs carried this idempotency key (1 when no worker called twice). */
    public int callsFor(String key) {
        AtomicInteger count = calls.get(key);
        return count == null ? 0 : count.get();
    }

    public int statuses() {
        return byId.size();
    }

    public int postRequests() {
        return requests.get();
    }

    /** The clock {@link #firstSeenAt} reads: the service's, to compare with the instants it planned. */
    public void stampWith(Clock clock) {
        this.clock = clock;
    }

    public Map<String, Instant> firstSeenAt() {
        return firstSeenAt;
    }
}
