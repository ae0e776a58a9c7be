package io.tribu.moderation.reply;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.moderation.inbox.InboxItemRepository;
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

    private final InboxItemRepository items;
    private final Clock clock;

    public SavedReplyService(InboxItemRepository items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<SavedReply> add(String tenant, String brandId, SavedReplyRequest request) {
        HttpProblem unknown = unknownVariables(request);
        if (unknown != null) {
            return Uni.createFrom().failure(unknown);
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

    /**
     * Replaces name, language and text if the reply is still at the version the editor saw: the conditional update lets
     * exactly one of two concurrent edits win; the other gets 412 with the current version.
     */
    @WithTransaction
    public Uni<SavedReply> edit(String tenant, String brandId, UUID id, long expectedVersion, SavedReplyRequest request) {
        HttpProblem unknown = unknownVariables(request);
        if (unknown != null) {
            return Uni.createFrom().failure(unknown);
        }
        return SavedReply.<SavedReply>find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult()
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Saved reply " + id + " not found"))
                .chain(reply -> reply.version != expectedVersion
                        ? Uni.createFrom().failure(SavedReplyProblems.staleVersion(reply))
                        : SavedReply.count("tenant = ?1 and brandId = ?2 and name = ?3 and id <> ?4", tenant, brandId,
                                request.name(), id)
                        .chain(clash -> clash > 0
                                ? Uni.createFrom().failure(Problems.invalidBody("name",
                                        "a saved reply with this name already exists"))
                                : SavedReply.update("name = ?1, language = ?2, text = ?3, updatedAt = ?4, version = version + 1 "
                                                + "where id = ?5 and version = ?6", request.name(), request.language(),
                                                request.text(), clock.instant(), id, expectedVersion)
                                        .chain(updated -> updated == 0
                                                ? Uni.createFrom().failure(SavedReplyProblems.staleVersion(reply))
                                                : Panache.getSession().chain(session -> session.refresh(reply))
                                                        .replaceWith(reply))));
    }

    private static HttpProblem unknownVariables(SavedReplyRequest request) {
        Set<String> unknown = ReplyTemplate.unknownVariables(request.text());
        return unknown.isEmpty() ? null : Problems.invalidBody("text", "unknown variable(s) " + String.join(", ", unknown)
                + "; use " + String.join(", ", ReplyTemplate.VARIABLES.stream().sorted().map(v -> "{{" + v + "}}").toList()));
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
                .chain(reply -> items.ofBrand(tenant, brandId, itemId)
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
