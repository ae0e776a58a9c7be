package io.tribu.publishing.channel;

import io.tribu.platform.crypto.SecretCipher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.problem.Problems;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.network.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ChannelService {

    /** Channels whose opened credentials are kept: more than an agency's busiest minute touches. */
    private static final int OPENED_KEPT = 1024;

    private final SecretCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;
    private final NetworkEndpoints endpoints;
    private final ChannelHealth health;
    private final Duration expiringWindow;
    private final OpenedCredentials opened = new OpenedCredentials(OPENED_KEPT);

    public ChannelService(SecretCipher cipher, ObjectMapper json, Clock clock, NetworkEndpoints endpoints, ChannelHealth health,
                          PublishingConfig config) {
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
        this.endpoints = endpoints;
        this.health = health;
        this.expiringWindow = config.channels().expiringWindow();
    }

    /** The views of channels of one brand, each with its state and last failure as of the service's clock. */
    public Uni<List<ChannelView>> views(String tenant, String brandId, List<Channel> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return health.ofBrand(tenant, brandId).map(outcomes -> {
            Instant now = clock.instant();
            return found.stream().map(channel -> {
                ChannelHealth.Outcomes known = outcomes.getOrDefault(channel.id, ChannelHealth.Outcomes.NONE);
                boolean refreshable = channel.credentials != null && credentialsOf(channel.id, channel.credentials).refreshable();
                ChannelState state = ChannelState.of(now, expiringWindow, channel.credentials != null, refreshable,
                        channel.tokenExpiresAt, channel.credentialsAt == null ? channel.createdAt : channel.credentialsAt, known);
                return ChannelView.of(channel, endpoints.baseUrlOf(channel.network, channel.baseUrl), state, known.lastFailure(),
                        known.polling());
            }).toList();
        });
    }

    /**
     * Connects a channel; {@code baseUrl} is what {@link NetworkEndpoints#toStore} allowed for the request.
     */
    @WithTransaction
    public Uni<Channel> connect(String tenant, String brandId, String actor, ChannelRequest request, String baseUrl) {
        if (request.credentials() == null || !request.credentials().usable()) {
            return Uni.createFrom().failure(badCredentials());
        }
        Channel channel = new Channel();
        channel.id = UUID.randomUUID();
        channel.tenant = tenant;
        channel.brandId = brandId;
        channel.createdBy = actor;
        channel.createdAt = clock.instant();
        apply(channel, request, baseUrl);
        return Channel.count("tenant = ?1 and brandId = ?2 and network = ?3 and handle = ?4", tenant, brandId,
                        channel.network, channel.handle)
                .chain(existing -> existing > 0
                        ? Uni.createFrom().failure(duplicate(channel.network, channel.handle))
                        : channel.<Channel>persist());
    }

    @WithTransaction
    public Uni<Channel> update(String tenant, String brandId, UUID id, ChannelRequest request, String baseUrl) {
        if (request.credentials() != null && !request.credentials().usable()) {
            return Uni.createFrom().failure(badCredentials());
        }
        return find(tenant, brandId, id).chain(channel -> Channel.count(
                        "tenant = ?1 and brandId = ?2 and network = ?3 and handle = ?4 and id <> ?5",
                        tenant, brandId, request.network(), request.handle().strip(), id)
                .map(others -> {
                    if (others > 0) {
                        // The unique (tenant, brand, network, handle) would refuse it at commit, as a 500.
                        throw duplicate(request.network(), request.handle().strip());
                    }
                    apply(channel, request, baseUrl);
                    return channel;
                }));
    }

    @WithTransaction
    public Uni<Void> disconnect(String tenant, String brandId, UUID id) {
        return find(tenant, brandId, id).chain(Channel::delete);
    }

    @WithSession
    public Uni<Channel> get(String tenant, String brandId, UUID id) {
        return find(tenant, brandId, id);
    }

    @WithSession
    public Uni<List<Channel>> list(String tenant, String brandId) {
        return Channel.ofBrand(tenant, brandId);
    }

    /**
     * The account an adapter acts as, from a channel row: the API of a fixed-host network is the
     * operator's whatever the row says (rows saved before it was fixed included).
     */
    public Account account(UUID channelId, String network, String storedBaseUrl, String handle, String sealed) {
        return new Account(channelId, endpoints.baseUrlOf(network, storedBaseUrl), handle, credentialsOf(channelId, sealed));
    }

    /** The opened credentials, for adapters only. */
    public ChannelCredentials credentialsOf(UUID channelId, String sealed) {
        return opened.get(channelId, sealed, () -> open(channelId, sealed));
    }

    private ChannelCredentials open(UUID channelId, String sealed) {
        try {
            return json.readValue(cipher.open(sealed, Channel.sealContext(channelId)), ChannelCredentials.class);
        } catch (JsonProcessingException e) {
            throw new SecretCipher.TamperedSecret("not readable after opening");
        }
    }

    /**
     * Re-seals with the active key, in batches, the credentials sealed with an older key; rows locked
     * by another replica are left to it. Returns how many rows were re-sealed. A tenant of null rotates
     * every tenant's rows (startup job).
     */
    public Uni<Integer> rotate(String tenant) {
        String prefix = cipher.activePrefix() + "%";
        String sql = "select * from channel where credentials not like :prefix"
                + (tenant == null ? "" : " and tenant = :tenant") + " limit 100 for update skip locked";
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                    var query = session.createNativeQuery(sql, Channel.class).setParameter("prefix", prefix);
                    if (tenant != null) {
                        query.setParameter("tenant", tenant);
                    }
                    return query.getResultList();
                }).map(batch -> {
                    batch.forEach(channel -> channel.credentials = cipher.reseal(channel.credentials, channel.sealContext()));
                    return batch.size();
                }))
                .chain(done -> done == 0 ? Uni.createFrom().item(0) : rotate(tenant).map(more -> more + done));
    }

    private void apply(Channel channel, ChannelRequest request, String baseUrl) {
        channel.network = request.network();
        channel.handle = request.handle().strip();
        channel.baseUrl = baseUrl;
        channel.updatedAt = clock.instant();
        if (request.credentials() != null) {
            channel.credentials = cipher.seal(write(request.credentials()), channel.sealContext());
            channel.tokenExpiresAt = request.credentials().expiresAt();
            channel.credentialsAt = channel.updatedAt;
        }
    }

    private String write(ChannelCredentials credentials) {
        try {
            return json.writeValueAsString(credentials);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Credentials cannot be written as JSON");
        }
    }

    private static Uni<Channel> find(String tenant, String brandId, UUID id) {
        return Channel.findForBrand(tenant, brandId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Channel " + id + " not found"));
    }

    private static HttpProblem badCredentials() {
        String message = "must hold an accessToken, or an identifier and an appPassword (Bluesky)";
        return Problems.invalidBody("credentials", message);
    }

    private static HttpProblem duplicate(String network, String handle) {
        return HttpProblem.builder()
                .withType(java.net.URI.create("https://tribu.io/problems/duplicate-channel"))
                .withStatus(Response.Status.CONFLICT)
                .withTitle("Conflict")
                .withDetail("The brand already has the " + network + " channel " + handle)
                .build();
    }
}
