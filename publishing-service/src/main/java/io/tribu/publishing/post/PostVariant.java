package io.tribu.publishing.post;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

import java.util.List;

/** The text and media of a post for one network. */
@Embeddable
public class PostVariant {

    @Column(nullable = false)
    public String network;
    @Column(nullable = false)
    public String text;
    /** Public URLs of the images or videos, in order. */
    @Column(nullable = false)
    @Convert(converter = MediaUrls.class)
    public List<String> media = List.of();

    public PostVariant() {
    }

    PostVariant(String network, String text, List<String> media) {
        this.network = network;
        this.text = text;
        this.media = media == null ? List.of() : List.copyOf(media);
    }
}
