package io.tribu.moderation.charter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.access.NotFoundProblems;
import io.tribu.moderation.reply.SavedReply;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Saving and reading a brand's charter: validated in full before a new version is stored. */
@ApplicationScoped
public class CharterService {

    private final CharterBook book;
    private final ObjectMapper json;

    public CharterService(CharterBook book, ObjectMapper json) {
        this.book = book;
        this.json = json;
    }

    /** Checks the format, then that every saved reply named belongs to the brand; 400 lists all violations. */
    @WithSession
    public Uni<Charter> validate(String tenant, String brandId, JsonNode document) {
        CharterParser.Result result = CharterParser.parse(document, 0);
        List<Violation> violations = new ArrayList<>(result.violations());
        Set<UUID> named = new HashSet<>(result.savedReplies().values());
        Uni<List<UUID>> existing = named.isEmpty() ? Uni.createFrom().item(List.of())
                : SavedReply.<SavedReply>find("tenant = ?1 and brandId = ?2 and id in ?3", tenant, brandId, named).list()
                        .map(rows -> rows.stream().map(r -> r.id).toList());
        return existing.map(found -> {
            for (Map.Entry<String, UUID> ref : result.savedReplies().entrySet()) {
                if (!found.contains(ref.getValue())) {
                    violations.add(new Violation(ref.getKey(), "is not a saved reply of brand " + brandId));
                }
            }
            if (!violations.isEmpty()) {
                violations.sort(java.util.Comparator.comparing(Violation::field));
                throw CharterProblems.invalid(violations);
            }
            return result.charter();
        });
    }

    public Uni<CharterDocument> save(String tenant, String brandId, JsonNode document, String user) {
        String text = write(document);
        return validate(tenant, brandId, document)
                .chain(valid -> Panache.withTransaction(() -> book.latest(tenant, brandId)
                        .chain(latest -> book.save(tenant, brandId, latest.map(d -> d.version() + 1).orElse(1), text, user))))
                .onFailure(CharterService::duplicateVersion).transform(e -> CharterProblems.changedMeanwhile(brandId))
                .invoke(saved -> book.forget(tenant, brandId));
    }

    @WithSession
    public Uni<CharterDocument> current(String tenant, String brandId) {
        return book.latest(tenant, brandId).map(found -> found.orElseThrow(
                () -> NotFoundProblems.of("Brand " + brandId + " has no charter yet")));
    }

    @WithSession
    public Uni<CharterDocument> version(String tenant, String brandId, int version) {
        return book.version(tenant, brandId, version).map(found -> found.orElseThrow(
                () -> NotFoundProblems.of("Brand " + brandId + " has no charter version " + version)));
    }

    @WithSession
    public Uni<List<CharterDocument>> history(String tenant, String brandId) {
        return book.history(tenant, brandId);
    }

    private static boolean duplicateVersion(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("charter_revision_pkey")) {
                return true;
            }
        }
        return false;
    }

    private String write(JsonNode document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree is always writable", e);
        }
    }
}
