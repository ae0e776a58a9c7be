package io.tribu.publishing.channel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A brand's account on a network, with its sealed credentials (see {@link io.tribu.platform.crypto.SecretCipher}). */
@Entity
public class Channel extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    public String network;
    /** The account as the network shows it: {@code @cafelumiere@mastodon.social}, {@code cafelumiere.bsky.social}. */
    public String handle;
    /** Mastodon instance, PDS or API root the adapter calls. */
    @Column(name = "base_url")
    public String baseUrl;
    /** Ciphertext only; {@link ChannelView} never carries it. */
    public String credentials;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** When the access token expires, as the credentials or the network's last refresh said; null: unknown or never. */
    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;
    /** When credentials were last given or refreshed: an auth failure before it is over. */
    @Column(name = "credentials_at")
    public Instant credentialsAt;

    /** Emits null when the channel does not exist for this tenant and brand. */
    static Uni<Channel> findForBrand(String tenant, String brandId, UUID id) {
        return Channel.<Channel>find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult();
    }

    static Uni<List<Channel>> ofBrand(String tenant, String brandId) {
        return Channel.<Channel>find("tenant = ?1 and brandId = ?2 order by network, handle", tenant, brandId).list();
    }

    /** The associated data of the credentials' ciphertext: they open only on this row. */
    String sealContext() {
        return sealContext(id);
    }

    static String sealContext(UUID channelId) {
        return "channel:" + channelId;
    }
}
