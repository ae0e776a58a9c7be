package io.tribu.listening.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryMatcherTest {

    private static final String TENANT = "agence";
    private static final String BRAND = "cafe-lumiere";

    private final QueryMatcher matcher = new QueryMatcher();

    private boolean matches(String query, String text) {
        return matches(query, text, "fr", "mastodon", "Marie Dupont");
    }

    private boolean matches(String query, String text, String language, String source, String author) {
        UUID id = UUID.randomUUID();
        matcher.putAll(List.of(stored(id, TENANT, BRAND, query)));
        try {
            return matcher.match(new MentionDocument(TENANT, BRAND, text, language, source, author)).stream()
                    .anyMatch(match -> match.id().equals(id));
        } finally {
            matcher.removeAll(List.of(id));
        }
    }

    private static StoredQuery stored(UUID id, String tenant, String brand, String query) {
        return new StoredQuery(id, tenant, brand, "q", query, "brand", null, Instant.now());
    }

    @Test
    void wordsAreCaseAndAccentInsensitive() {
        assertTrue(matches("crème", "La CREME de Café Lumière"));
        assertTrue(matches("CAFÉ", "un cafe bien serré"));
        assertFalse(matches("café", "un cafetier"));
    }

    @Test
    void frenchElisionsAreDropped() {
        assertTrue(matches("oréal", "J'adore l'Oréal"));
        assertTrue(matches("L'Oréal", "les produits Oréal"));
        assertTrue(matches("équipe", "merci à l’équipe d’accueil"));
        assertTrue(matches("accueil", "merci à l’équipe d’accueil"));
        assertTrue(matches("aujourd'hui", "livré aujourd’hui"));
    }

    @Test
    void andOrNot() {
        assertTrue(matches("cafe AND livraison", "livraison du café en retard"));
        assertFalse(matches("cafe AND livraison", "café délicieux"));
        assertTrue(matches("cafe livraison", "livraison du café"));
        assertTrue(matches("thé OR café", "un bon thé"));
        assertFalse(matches("thé OR café", "une bonne bière"));
        assertTrue(matches("café NOT emploi", "un bon café"));
        assertFalse(matches("café NOT emploi", "offre d'emploi café"));
        assertTrue(matches("NOT emploi", "n'importe quoi"));
        assertFalse(matches("NOT emploi", "emploi"));
    }

    @Test
    void parenthesesGroup() {
        assertTrue(matches("(café OR thé) AND (retard OR annulé)", "le thé est arrivé en retard"));
        assertFalse(matches("(café OR thé) AND (retard OR annulé)", "le thé est arrivé à l'heure"));
        assertTrue(matches("lumière (avis OR review) NOT spam", "Lumière review: great"));
    }

    @Test
    void exactPhrases() {
        assertTrue(matches("\"café lumière\"", "J'aime Café-Lumière !"));
        assertFalse(matches("\"café lumière\"", "La lumière du café"));
        assertTrue(matches("\"service client\"", "le SERVICE client est top"));
    }

    @Test
    void nearWithinDistanceInAnyOrder() {
        assertTrue(matches("lumière NEAR/3 livraison", "Lumière: la livraison est lente"));
        assertTrue(matches("lumière NEAR/3 livraison", "livraison ratée chez lumière"));
        assertFalse(matches("lumière NEAR/2 livraison", "lumière a un souci avec sa livraison"));
        assertTrue(matches("lumière NEAR/5 (livraison OR colis)", "lumière a perdu mon colis"));
        assertTrue(matches("\"café lumière\" NEAR/2 livr*", "café lumière, livreurs en grève"));
    }

    @Test
    void wildcards() {
        assertTrue(matches("cosmét*", "les cosmétiques bio"));
        assertTrue(matches("cosmet*", "COSMÉTIQUE"));
        assertFalse(matches("cosmet*", "cosmos"));
        assertTrue(matches("colo*r", "nice color"));
        assertTrue(matches("colo?r", "nice colour"));
        assertFalse(matches("colo?r", "nice colouur"));
        assertTrue(matches("co*", "un coup"));
        assertTrue(matches("l'oré*", "chez l'Oréal"));
    }

    @Test
    void hashtagsAndHandles() {
        assertTrue(matches("#CaféLumière", "trop bon #cafelumiere"));
        assertFalse(matches("#cafelumiere", "cafelumiere sans dièse"));
        assertTrue(matches("cafelumiere", "trop bon #CaféLumière"));
        assertTrue(matches("@lumiere", "merci @Lumière !"));
        assertFalse(matches("@lumiere", "merci lumière !"));
        assertTrue(matches("#cosm*", "#cosmetiques en promo"));
    }

    @Test
    void fieldFilters() {
        assertTrue(matches("café lang:fr", "un café", "fr", "rss", null));
        assertFalse(matches("café lang:fr", "a café", "en", "rss", null));
        assertTrue(matches("source:mastodon", "anything", "en", "Mastodon", null));
        assertFalse(matches("source:mastodon", "anything", "en", "bluesky", null));
        assertTrue(matches("author:@marie_d", "hello", "en", "mastodon", "@Marie_D"));
        assertTrue(matches("author:\"Jean Dupont\"", "bonjour", "fr", "rss", "Jean DUPONT"));
        assertFalse(matches("author:\"Jean Dupont\"", "bonjour", "fr", "rss", "Jean Martin"));
        assertFalse(matches("lang:fr", "texte", null, "rss", null));
    }

    @Test
    void aQueryOnlyMatchesMentionsOfItsTenantAndBrand() {
        UUID own = UUID.randomUUID();
        UUID otherBrand = UUID.randomUUID();
        UUID otherTenant = UUID.randomUUID();
        matcher.putAll(List.of(stored(own, TENANT, BRAND, "café"), stored(otherBrand, TENANT, "autre", "café"),
                stored(otherTenant, "rivale", BRAND, "café")));
        List<MatchedQuery> matched = matcher.match(new MentionDocument(TENANT, BRAND, "café", "fr", "rss", null));
        assertEquals(List.of(own), matched.stream().map(MatchedQuery::id).toList());
    }

    @Test
    void replacingAndRemovingAQueryChangesWhatMatches() {
        UUID id = UUID.randomUUID();
        MentionDocument mention = new MentionDocument(TENANT, BRAND, "un bon thé", "fr", "rss", null);
        matcher.putAll(List.of(stored(id, TENANT, BRAND, "café")));
        assertTrue(matcher.match(mention).isEmpty());
        matcher.putAll(List.of(stored(id, TENANT, BRAND, "thé")));
        assertEquals(1, matcher.match(mention).size());
        matcher.removeAll(List.of(id));
        assertTrue(matcher.match(mention).isEmpty());
        assertEquals(0, matcher.size());
    }

    @Test
    void unsearchableWordsAndFiltersInsideNearAreRefused() {
        assertThrows(QuerySyntaxException.class, () -> QueryMatcher.check("café OR !!!"));
        QuerySyntaxException near = assertThrows(QuerySyntaxException.class,
                () -> QueryMatcher.check("café NEAR/3 lang:fr"));
        assertEquals(6, near.position());
    }
}
