package io.tribu.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for REST writes that create things: a client that retries a POST (a
 * timeout, a lost answer) with the same key and the same body gets the first answer again, not a
 * second object; the same key with another body answers 422. Keys belong to a tenant and are kept
 * 24 hours.
 *
 * <p>The key is claimed before the write and the answer saved after it, so two concurrent requests
 * with one key never both create (the second answers 409 until the first has answered). A write that
 * fails releases its key. The table is the platform's own, created at start in the service's database.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final URI KEY_REUSED = URI.create("https://tribu.io/problems/idempotency-key-reused");
    public static final URI IN_PROGRESS = URI.create("https://tribu.io/problems/idempotency-key-in-progress");
    static final Duration KEPT = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final Pool pool;
    private final Clock clock;
    private final ObjectMapper canonical;
    private final ObjectMapper json;

    public Idempotency(Pool pool, Clock clock, ObjectMapper json) {
        this.pool = pool;
        this.clock = clock;
        this.json = json;
        // Same body, same hash, whatever the order of a map's keys.
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    void createTable(@Observes StartupEvent start) {
        pool.query("""
                create table if not exists idempotency_key (
                  tenant text not null,
                  key text not null,
                  request_hash text not null,
                  status int,
                  body text,
                  location text,
                  created_at timestamptz not null,
                  primary key (tenant, key))""").execute().await().indefinitely();
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetOldKeys() {
        return pool.preparedQuery("delete from idempotency_key where created_at < $1")
                .execute(Tuple.of(at(clock.instant().minus(KEPT)))).replaceWithVoid();
    }

    /**
     * Runs {@code create} once per (tenant, key): without a key it simply runs it.
     *
     * @param request the request as read (its canonical JSON is what "the same body" means), with
     *                anything from the path that selects the target (e.g. the brand)
     * @param status  the status of a successful answer (201)
     * @param location where the created thing is, from its answer; null when there is none
     */
    public <T> Uni<Response> once(String tenant, String key, Object request, int status,
                                  java.util.function.Function<T, URI> location, Supplier<Uni<T>> create) {
        if (key == null) {
            return create.get().map(created -> answer(status, created, location));
        }
        if (!KEY.matcher(key).matches()) {
            throw io.tribu.platform.problem.Problems.invalidHeader(HEADER, "must be 1 to 255 visible ASCII characters, such as a UUID");
        }
        String hash = hash(request);
        return pool.preparedQuery("""
                        insert into idempotency_key (tenant, key, request_hash, created_at) values ($1, $2, $3, $4)
                        on conflict (tenant, key) do nothing""")
                .execute(Tuple.of(tenant, key, hash, at(clock.instant())))
                .chain(claimed -> claimed.rowCount() == 1
                        ? create.get().onFailure().call(() -> release(tenant, key))
                                .chain(created -> save(tenant, key, status, created, location))
                        : earlier(tenant, key, hash));
    }

    private <T> Uni<Response> save(String tenant, String key, int status, T created, java.util.function.Function<T, URI> location) {
        Response answer = answer(status, created, location);
        return pool.preparedQuery("update idempotency_key set status = $3, body = $4, location = $5 where tenant = $1 and key = $2")
                .execute(Tuple.of(tenant, key, status, write(json, created), answer.getLocation() == null ? null : answer.getLocation().toString()))
                .replaceWith(answer);
    }

    private Uni<Response> earlier(String tenant, String key, String hash) {
        return pool.preparedQuery("select request_hash, status, body, location from idempotency_key where tenant = $1 and key = $2")
                .execute(Tuple.of(tenant, key))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw conflict(IN_PROGRESS, "A request with this Idempotency-Key has just failed; send it again");
                    }
                    Row row = rows.iterator().next();
                    if (!row.getString("request_hash").equals(hash)) {
                        throw problem(KEY_REUSED, 422, "Unprocessable Content",
                                "This Idempotency-Key was used for another request; use a new key for a new request");
                    }
                    if (row.getInteger("status") == null) {
                        throw conflict(IN_PROGRESS, "A request with this Idempotency-Key is still being processed; retry in a moment");
                    }
                    Response.ResponseBuilder replay = Response.status(row.getInteger("status")).type("application/json")
                            .entity(row.getString("body")).header("Idempotent-Replayed", "true");
                    if (row.getString("location") != null) {
                        replay.location(URI.create(row.getString("location")));
                    }
                    return replay.build();
                });
    }

    private Uni<Void> release(String tenant, String key) {
        return pool.preparedQuery("delete from idempotency_key where tenant = $1 and key = $2 and status is null")
                .execute(Tuple.of(tenant, key)).replaceWithVoid();
    }

    private static <T> Response answer(int status, T created, java.util.function.Function<T, URI> location) {
        Response.ResponseBuilder answer = Response.status(status).entity(created);
        URI where = location == null ? null : location.apply(created);
        if (where != null) {
            answer.location(where);
        }
        return answer.build();
    }

    String hash(Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(write(canonical, request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static OffsetDateTime at(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static HttpProblem conflict(URI type, String detail) {
        return problem(type, 409, "Conflict", detail);
    }

    private static HttpProblem problem(URI type, int status, String title, String detail) {
        return HttpProblem.builder().withType(type).withStatus(status).withTitle(title).withDetail(detail)
                .with("violations", List.of(Map.of("field", HEADER, "in", "header", "message", detail))).build();
    }
}
