package io.tribu.publishing.post;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for the tests. */
public final class Drafts {

    private Drafts() {
    }

    public static Map<String, String> variant(String network, String text) {
        return Map.of("network", network, "text", text);
    }

    public static Map<String, Object> variant(String network, String text, List<String> media) {
        return Map.of("network", network, "text", text, "media", media);
    }

    @SafeVarargs
    public static Map<String, Object> draft(String plannedAt, Map<String, ?>... variants) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Réveillon : chocolat chaud offert");
        body.put("tags", List.of("noel"));
        body.put("variants", Arrays.asList(variants));
        if (plannedAt != null) {
            body.put("plannedAt", plannedAt);
        }
        return body;
    }

    public static Map<String, Object> christmasEve() {
        return draft("2026-12-24T18:00:00Z",
                variant("mastodon", "Ce soir dans nos cafés, un chocolat chaud offert avec chaque bûche. #noel"),
                variant("bluesky", "Ce soir, chocolat chaud offert avec chaque bûche ☕🎄"));
    }

    /** Brand ids unique to each test, so tests stay independent on a shared database. */
    public static String freshBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
