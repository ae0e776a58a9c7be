package io.tribu.moderation.reply;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.moderation.inbox.InboxItem;
import io.tribu.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SavedReplyService {

    private final Clock clock;

    public SavedReplyService(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<SavedReply> add(String tenant, String brandId, SavedReplyRequest request) {
        Set<String> unknown = ReplyTemplate.unknownVariables(request.text());
        if (!unknown.isEmpty()) {
            return Uni.createFrom().failure(Problems.invalidBody("text", "unknown variable(s) " + String.join(", ", unknown)
                    + "; use " + String.join(", ", ReplyTemplate.VARIABLES.stream().sorted().map(v -> "{{" + v + "}}").toList())));
        }
        return SavedReply.count("tenant = ?1 and brandId = ?2 and name = ?3", tenant, brandId, request.name())
                .chain(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().failure(Problems.invalidBody("name", "a saved reply with this name already exists"));
                    }
                    SavedReply reply = new SavedReply();
                    reply.id = UUID.randomUUID();
                    reply.tenant = tenant;
                    reply.brandId = brandId;
                    reply.name = request.name();
                    reply.language = request.language();
                    reply.text = request.text();
                    reply.createdAt = clock.instant();
                    return reply.persist();
                });
    }

    @WithSession
    public Uni<List<SavedReply>> list(String tenant, String brandId) {
        return SavedReply.<SavedReply>find("tenant = ?1 and brandId = ?2 order by name", tenant, brandId).list();
    }

    @WithTransaction
    public Uni<Void> remove(String tenant, String brandId, UUID id) {
        return SavedReply.delete("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId)
                .chain(deleted -> deleted == 0
                        ? Uni.createFrom().failure(NotFoundProblems.of("Saved reply " + id + " not found"))
                        : Uni.createFrom().voidItem());
    }

    /** The reply filled in for one of the brand's inbox items, signed by the moderator asking. */
    @WithSession
    public Uni<RenderedReply> render(String tenant, String brandId, UUID replyId, UUID itemId, String agent) {
        return SavedReply.<SavedReply>find("id = ?1 and tenant = ?2 and brandId = ?3", replyId, tenant, brandId)
                .firstResult()
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Saved reply " + replyId + " not found"))
                .chain(reply -> InboxItem.<InboxItem>find("id = ?1 and tenant = ?2 and brandId = ?3", itemId, tenant, brandId)
                        .firstResult()
                        .onItem().ifNull().failWith(() -> NotFoundProblems.of("Inbox item " + itemId + " not found"))
                        .map(item -> {
                            Map<String, String> values = new HashMap<>();
                            values.put("author", item.author);
                            values.put("brand", brandId);
                            values.put("agent", agent);
                            return new RenderedReply(reply.id, item.id, ReplyTemplate.render(reply.text, values));
                        }));
    }
}
