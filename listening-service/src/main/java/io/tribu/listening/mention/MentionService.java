package io.tribu.listening.mention;

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
    public Uni<Mention> record(String tenant, String brandId, MentionRequest request) {
        Mention mention = new Mention();
        mention.id = UUID.randomUUID();
        mention.tenant = tenant;
        mention.brandId = brandId;
        mention.source = request.source();
        mention.kind = request.kind() == null ? "post" : request.kind();
        mention.ownedChannel = Boolean.TRUE.equals(request.ownedChannel());
        mention.author = request.author();
        mention.text = request.text();
        mention.url = request.url();
        mention.language = request.language();
        mention.publishedAt = request.publishedAt();
        mention.receivedAt = Instant.now();
        return mention.<Mention>persist()
                .call(stored -> outbox.append(mentionsTopic, tenant, brandId, MentionRecorded.TYPE,
                        MentionRecorded.of(stored)));
    }

    @WithSession
    public Uni<Mention> find(String tenant, String brandId, UUID id) {
        return Mention.findForBrand(tenant, brandId, id);
    }
}
