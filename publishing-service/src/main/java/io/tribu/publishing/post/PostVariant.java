package io.tribu.publishing.post;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The text of a post for one network. */
@Embeddable
public class PostVariant {

    @Column(nullable = false)
    public String network;
    @Column(nullable = false)
    public String text;

    public PostVariant() {
    }

    PostVariant(String network, String text) {
        this.network = network;
        this.text = text;
    }
}
