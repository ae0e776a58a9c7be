package io.tribu.publishing.post;

import io.tribu.publishing.network.Network;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A validated post draft about to be stored. */
public record NewPost(String title, Instant plannedAt, List<String> tags, List<Variant> variants, UUID campaignId) {

    public record Variant(Network network, String text, List<String> media) {
    }

    /** Only called once the request passed validation: every network is known. */
    public static NewPost of(PostRequest request) {
        List<Variant> variants = request.variants().stream()
                .map(variant -> new Variant(Network.fromWire(variant.network()).orElseThrow(), variant.text(),
                        variant.media() == null ? List.of() : List.copyOf(variant.media())))
                .toList();
        return new NewPost(request.title(), request.plannedAt(),
                request.tags() == null ? List.of() : List.copyOf(request.tags()), variants, request.campaignId());
    }
}
