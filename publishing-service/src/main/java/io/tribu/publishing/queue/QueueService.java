package io.tribu.publishing.queue;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.problem.Problems;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.platform.access.Roles;
import io.tribu.publishing.approval.ApprovalService;
import io.tribu.publishing.approval.TransitionRequest;
import io.tribu.publishing.brand.BrandSettings;
import io.tribu.publishing.channel.Channel;
import io.tribu.publishing.delivery.DeliveryRepository;
import io.tribu.publishing.post.Post;
import io.tribu.publishing.post.PostProblems;
import io.tribu.publishing.post.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Channels' weekly queues, and scheduling a post into a slot: the next free one, or the best one
 * analytics suggests that is still free. Two posts never share a slot of a channel: the slot is chosen
 * and the deliveries written while the channel's row is locked, so concurrent requests queue up.
 */
@ApplicationScoped
public class QueueService {

    /** Analytics is asked about this far ahead. */
    static final Duration BEST_WINDOW = Duration.ofDays(7);

    private final BrandSettings settings;
    private final PostRepository posts;
    private final DeliveryRepository deliveries;
    private final ApprovalService approvals;
    private final BestTime bestTime;
    private final Clock clock;

    public QueueService(BrandSettings settings, PostRepository posts, DeliveryRepository deliveries,
                        ApprovalService approvals, BestTime bestTime, Clock clock) {
        this.settings = settings;
        this.posts = posts;
        this.deliveries = deliveries;
        this.approvals = approvals;
        this.bestTime = bestTime;
        this.clock = clock;
    }

    @WithSession
    public Uni<QueueView> queue(String tenant, String brandId, UUID channelId) {
        return channel(tenant, brandId, channelId).chain(channel -> view(tenant, brandId, channel.id));
    }

    @WithTransaction
    public Uni<QueueView> replace(String tenant, String brandId, UUID channelId, List<QueueRequest.SlotRequest> slots) {
        return channel(tenant, brandId, channelId)
                .call(channel -> QueueSlot.delete("channelId", channel.id))
                // An empty list clears the queue (persisting no entity at all fails with "The Uni set is empty").
                .call(channel -> slots.isEmpty() ? Uni.createFrom().voidItem()
                        : QueueSlot.persist(slots.stream().distinct().map(slot -> slot(channel.id, slot)).toList()))
                .call(() -> Panache.getSession().chain(session -> session.flush()))
                .chain(channel -> view(tenant, brandId, channel.id));
    }

    /**
     * Schedules an approved post into a slot of its channel ({@code slot} = next or best). For best,
     * analytics is asked first, outside the transaction; its slots are taken in order when free, else
     * the next queue slot.
     */
    public Uni<Post> schedule(String tenant, String brandId, UUID postId, String actor, Set<String> roles,
                              TransitionRequest request, String bearer) {
        if (!roles.contains(Roles.ADMIN) && !roles.contains(Roles.COMMUNITY_MANAGER)) {
            // Checked before analytics is asked; ApprovalService checks it again in the transaction.
            return Uni.createFrom().failure(HttpProblem.builder().withStatus(Response.Status.FORBIDDEN)
                    .withTitle("Forbidden").withDetail("Only admin or community-manager may schedule a post").build());
        }
        Uni<List<Instant>> advice = "best".equals(request.slot())
                ? Panache.withSession(() -> resolveChannel(tenant, brandId, postId, request.channelId())
                        .chain(channel -> settings.of(tenant, brandId).map(setting -> Map.entry(channel, setting.timezone))))
                .chain(found -> {
                    Instant now = clock.instant();
                    return bestTime.slots(brandId, found.getKey().id, now, now.plus(BEST_WINDOW),
                            ZoneId.of(found.getValue()), bearer);
                })
                : Uni.createFrom().item(List.of());
        return advice.chain(best -> Panache.withTransaction(() -> resolveChannel(tenant, brandId, postId, request.channelId())
                .call(QueueService::lock)
                .chain(channel -> chooseSlot(tenant, brandId, channel, best))
                .chain(slot -> posts.find(tenant, brandId, postId).invoke(post -> post.plannedAt = slot))
                .chain(() -> approvals.apply(tenant, brandId, postId, actor, roles,
                        new TransitionRequest("schedule", request.comment(), null, null)))));
    }

    private Uni<Instant> chooseSlot(String tenant, String brandId, Channel channel, List<Instant> best) {
        Instant now = clock.instant();
        return settings.of(tenant, brandId).chain(setting -> QueueSlot.<QueueSlot>list("channelId", channel.id)
                .chain(slots -> taken(channel.id, now).map(taken -> {
                    Instant advised = best.stream().filter(at -> at.isAfter(now.plusSeconds(60)))
                            .filter(at -> !taken.contains(at)).findFirst().orElse(null);
                    if (advised != null) {
                        return advised;
                    }
                    if (slots.isEmpty()) {
                        throw PostProblems.conflict("The channel " + channel.handle + " has no queue slots; "
                                + "set them with PUT /brands/" + brandId + "/channels/" + channel.id + "/queue");
                    }
                    Instant next = weekly(slots, ZoneId.of(setting.timezone)).firstFreeAfter(now, taken);
                    if (next == null) {
                        throw PostProblems.conflict("Every slot of the channel's queue is taken for the next "
                                + WeeklySlots.HORIZON.toDays() + " days");
                    }
                    return next;
                })));
    }

    /** The channel whose queue the post goes into: the named one, else the brand's only channel for its networks. */
    private Uni<Channel> resolveChannel(String tenant, String brandId, UUID postId, UUID channelId) {
        return posts.find(tenant, brandId, postId)
                .onItem().ifNull().failWith(() -> PostProblems.notFound(postId))
                .chain(post -> Channel.<Channel>find("tenant = ?1 and brandId = ?2", tenant, brandId).list()
                        .map(channels -> {
                            Set<String> networks = new HashSet<>();
                            post.variants.forEach(variant -> networks.add(variant.network));
                            List<Channel> candidates = channels.stream()
                                    .filter(channel -> networks.contains(channel.network))
                                    .filter(channel -> channelId == null || channel.id.equals(channelId))
                                    .toList();
                            if (candidates.size() == 1) {
                                return candidates.get(0);
                            }
                            if (channelId != null) {
                                throw badChannel("is not a channel of this brand for the post's networks");
                            }
                            if (candidates.isEmpty()) {
                                throw PostProblems.conflict("The brand has no channel for the post's networks");
                            }
                            throw badChannel("is required: the post goes to " + candidates.size()
                                    + " channels; name the one whose queue to use");
                        }));
    }

    /** Serialises slot choices per channel until the transaction ends. */
    private static Uni<Void> lock(Channel channel) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select id from channel where id = :id for update")
                .setParameter("id", channel.id)
                .getResultList()).replaceWithVoid();
    }

    /** Slot instants already holding a delivery of the channel that has not failed. */
    private Uni<Set<Instant>> taken(UUID channelId, Instant now) {
        return deliveries.dueOnChannel(channelId, now, now.plus(WeeklySlots.HORIZON).plus(BEST_WINDOW))
                .map(deliveries -> {
                    Set<Instant> taken = new HashSet<>();
                    deliveries.forEach(delivery -> taken.add(delivery.dueAt));
                    return taken;
                });
    }

    private Uni<QueueView> view(String tenant, String brandId, UUID channelId) {
        Instant now = clock.instant();
        return settings.of(tenant, brandId).chain(setting -> QueueSlot.<QueueSlot>list("channelId", channelId)
                .chain(slots -> taken(channelId, now).map(taken -> {
                    ZoneId zone = ZoneId.of(setting.timezone);
                    List<QueueRequest.SlotRequest> shown = slots.stream()
                            .sorted(Comparator.comparingInt((QueueSlot slot) -> slot.dayOfWeek)
                                    .thenComparing(slot -> slot.localTime))
                            .map(slot -> new QueueRequest.SlotRequest(DayOfWeek.of(slot.dayOfWeek).name(),
                                    slot.localTime.toString()))
                            .toList();
                    return new QueueView(channelId, zone.getId(), shown,
                            slots.isEmpty() ? null : weekly(slots, zone).firstFreeAfter(now, taken));
                })));
    }

    private static WeeklySlots weekly(List<QueueSlot> slots, ZoneId zone) {
        return new WeeklySlots(slots.stream()
                .map(slot -> new WeeklySlots.Slot(DayOfWeek.of(slot.dayOfWeek), slot.localTime)).toList(), zone);
    }

    private static Uni<Channel> channel(String tenant, String brandId, UUID channelId) {
        return Channel.<Channel>find("id = ?1 and tenant = ?2 and brandId = ?3", channelId, tenant, brandId).firstResult()
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Channel " + channelId + " not found"));
    }

    private static QueueSlot slot(UUID channelId, QueueRequest.SlotRequest request) {
        QueueSlot slot = new QueueSlot();
        slot.channelId = channelId;
        slot.dayOfWeek = (short) DayOfWeek.valueOf(request.day()).getValue();
        slot.localTime = LocalTime.parse(request.time());
        return slot;
    }

    private static HttpProblem badChannel(String message) {
        return Problems.invalidBody("channelId", message);
    }
}
