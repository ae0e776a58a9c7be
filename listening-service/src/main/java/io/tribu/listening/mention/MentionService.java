package io.tribu.listening.mention;

import java.util.List;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class MentionService {

    private final Outbox outbox;
    private final String mentionsTopic;

    public MentionService(Outbox outbox, @ConfigProperty(name = "tribu.topics.mentions") String mentionsTopic) {
        this.outbox = outbox;
        this.mentionsTopic = mentionsTopic;
    }

    /** Stores the mention and its event in one transaction, so neither exists without the other. */
    @WithTransaction
    public Uni<Mention> record(String tenant, String brandId, NewMention heard) {
        return store(tenant, brandId, heard);
    }

    /**
     * Stores a mention heard from a source unless that source's item was stored before; emits
     * {@code null} for an item already heard. Runs inside the caller's transaction.
     */
    public Uni<Mention> recordOnce(String tenant, String brandId, NewMention heard) {
        return Mention.alreadyHeard(heard.sourceId(), heard.externalId())
                .chain(known -> known ? Uni.createFrom().nullItem() : store(tenant, brandId, heard));
    }

    private Uni<Mention> store(String tenant, String brandId, NewMention heard) {
        Mention mention = new Mention();
        mention.id = UUID.randomUUID();
        mention.tenant = tenant;
        mention.brandId = brandId;
        mention.sourceId = heard.sourceId();
        mention.externalId = heard.externalId();
        mention.source = heard.source();
        mention.kind = heard.kind();
        mention.ownedChannel = heard.ownedChannel();
        mention.author = heard.author();
        mention.authorReach = heard.authorReach();
        mention.text = heard.text();
        mention.url = heard.url();
        mention.language = heard.language();
        mention.publishedAt = heard.publishedAt();
        mention.receivedAt = Instant.now();
        return mention.<Mention>persist()
                .call(stored -> outbox.append(mentionsTopic, tenant, brandId, MentionRecorded.TYPE,
                        MentionRecorded.of(stored)));
    }

    @WithSession
    public Uni<List<Mention>> latest(String tenant, String brandId, UUID sourceId, int limit) {
        return Mention.latest(tenant, brandId, sourceId, limit);
    }

    @WithSession
    public Uni<Mention> find(String tenant, String brandId, UUID id) {
        return Mention.findForBrand(tenant, brandId, id);
    }
}
