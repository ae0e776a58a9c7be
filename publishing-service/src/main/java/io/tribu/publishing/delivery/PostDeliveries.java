package io.tribu.publishing.delivery;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.Channel;
import io.tribu.publishing.post.PostRepository;
import io.tribu.publishing.post.PostProblems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What became of each variant of a post: read side of the delivery rows, per tenant and brand. */
@ApplicationScoped
public class PostDeliveries {

    private final PostRepository posts;
    private final DeliveryRepository deliveries;

    public PostDeliveries(PostRepository posts, DeliveryRepository deliveries) {
        this.posts = posts;
        this.deliveries = deliveries;
    }

    /** The post's deliveries in network order; 404 when the post is not the tenant's and brand's. */
    @WithSession
    public Uni<List<DeliveryView>> of(String tenant, String brandId, UUID postId) {
        return posts.find(tenant, brandId, postId)
                .onItem().ifNull().failWith(() -> PostProblems.notFound(postId))
                .chain(post -> deliveries.ofPost(tenant, brandId, postId))
                .chain(deliveries -> Channel.<Channel>list("tenant = ?1 and brandId = ?2", tenant, brandId)
                        .map(channels -> {
                            Map<UUID, String> handles = channels.stream()
                                    .collect(Collectors.toMap(channel -> channel.id, channel -> channel.handle));
                            return deliveries.stream()
                                    .map(delivery -> DeliveryView.of(delivery, handles.get(delivery.channelId)))
                                    .toList();
                        }));
    }
}
