package io.tribu.publishing.delivery;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.Channel;
import io.tribu.publishing.post.Post;
import io.tribu.publishing.post.PostProblems;
import io.tribu.publishing.post.PostVariant;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns a scheduled post into deliveries, one per variant and connected channel of its network. */
@ApplicationScoped
public class DeliveryPlanner {

    private final DeliveryRepository deliveries;

    public DeliveryPlanner(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** Runs in the caller's transaction; a variant whose network has no channel refuses the scheduling (409). */
    public Uni<Void> plan(Post post) {
        return Channel.<Channel>find("tenant = ?1 and brandId = ?2", post.tenant, post.brandId).list().chain(channels -> {
            Set<String> connected = channels.stream().map(channel -> channel.network).collect(Collectors.toSet());
            List<String> missing = post.variants.stream().map(variant -> variant.network)
                    .filter(network -> !connected.contains(network)).toList();
            if (!missing.isEmpty()) {
                return Uni.createFrom().failure(PostProblems.conflict("The brand has no channel for "
                        + String.join(", ", missing) + "; connect one before scheduling"));
            }
            List<Delivery> deliveries = new ArrayList<>();
            for (PostVariant variant : post.variants) {
                channels.stream().filter(channel -> channel.network.equals(variant.network))
                        .forEach(channel -> deliveries.add(delivery(post, variant, channel)));
            }
            return this.deliveries.plan(deliveries);
        });
    }

    /** Unscheduling before anything was sent: the pending deliveries disappear. */
    public Uni<Void> cancel(Post post) {
        return deliveries.cancelPending(post.id);
    }

    private static Delivery delivery(Post post, PostVariant variant, Channel channel) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.tenant = post.tenant;
        delivery.brandId = post.brandId;
        delivery.postId = post.id;
        delivery.channelId = channel.id;
        delivery.network = variant.network;
        delivery.text = variant.text;
        delivery.media = variant.media;
        delivery.dueAt = post.plannedAt;
        delivery.nextAttemptAt = post.plannedAt;
        delivery.state = DeliveryState.PENDING;
        return delivery;
    }
}
