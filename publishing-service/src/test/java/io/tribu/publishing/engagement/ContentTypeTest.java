package io.tribu.publishing.engagement;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContentTypeTest {

    @Test
    void theFirstMediumDecidesThenALinkInTheText() {
        assertEquals("video", EngagementCollector.contentType("Teaser", List.of("https://cdn.example.fr/teaser.MP4?v=2")));
        assertEquals("image", EngagementCollector.contentType("Bûche", List.of("https://cdn.example.fr/buche.jpg")));
        assertEquals("link", EngagementCollector.contentType("Notre recette : https://cafe-lumiere.fr/buche", List.of()));
        assertEquals("text", EngagementCollector.contentType("Joyeux Noël à tous !", List.of()));
    }
}
