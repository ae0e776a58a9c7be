package io.tribu.moderation.charter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.moderation.classify.Classifier;
import io.tribu.moderation.classify.Text;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharterParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Classifier CLASSIFIER = new Classifier();
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Charter charter(String text) {
        CharterParser.Result result = CharterParser.parse(json(text), 1);
        assertTrue(result.valid(), () -> "unexpected violations " + result.violations());
        return result.charter();
    }

    static List<Violation> violations(String text) {
        return CharterParser.parse(json(text), 1).violations();
    }

    static Subject subject(String text, String channel, List<Instant> offences, LocalTime localTime) {
        return new Subject(Text.of(text), CLASSIFIER.classify(text, List.of()), "negative", -0.6, "fr", channel,
                "comment", "@julien", offences, NOW, localTime);
    }

    static Subject subject(String text) {
        return subject(text, "mastodon", List.of(), LocalTime.NOON);
    }

    @Test
    void rulesRunByPriorityAndStopAfterTheFirstMatchWhenAsked() {
        Charter charter = charter("""
                {'timezone': 'Europe/Paris', 'rules': [
                  {'id': 'tag-all', 'name': 'Tout taguer', 'priority': 50, 'when': {'channel': ['mastodon']},
                   'then': [{'action': 'tag', 'tags': ['vu']}]},
                  {'id': 'hide-insults', 'name': 'Masquer les insultes', 'priority': 1, 'stopAfterMatch': true,
                   'when': {'label': {'name': 'insult', 'minScore': 0.6}}, 'then': [{'action': 'hide'}]},
                  {'id': 'off', 'name': 'Désactivée', 'enabled': false, 'when': {'channel': ['mastodon']},
                   'then': [{'action': 'delete'}]}]}""");
        assertEquals(List.of("hide-insults", "tag-all"), charter.rules().stream().map(Rule::id).toList());
        assertEquals(List.of("hide-insults"), charter.matching(subject("T'es vraiment un gros connard")).stream().map(Rule::id).toList());
        assertEquals(List.of("tag-all"), charter.matching(subject("Merci pour la livraison rapide")).stream().map(Rule::id).toList());
        assertEquals(List.of(), charter.matching(subject("Merci", "bluesky", List.of(), LocalTime.NOON)));
    }

    @Test
    void keywordsMatchWholeWordsAndPhrasesWhateverTheCaseAccentsOrLeetspeak() {
        Charter charter = charter("""
                {'rules': [{'id': 'refund', 'name': 'Remboursement', 'when': {'keywords': ['remboursé', 'service client']},
                            'then': [{'action': 'assign', 'assignee': 'camille'}]}]}""");
        assertEquals(1, charter.matching(subject("Je veux être REMBOURSE !")).size());
        assertEquals(1, charter.matching(subject("Le Service-Client ne répond pas")).size());
        assertEquals(0, charter.matching(subject("remboursement en cours")).size());
        assertEquals(0, charter.matching(subject("le service est top, client ravi")).size());
    }

    @Test
    void allAnyNotSentimentLanguageAndTimeOfDayCombine() {
        Charter charter = charter("""
                {'rules': [{'id': 'night', 'name': 'Nuit', 'when': {'all': [
                    {'sentiment': ['negative']}, {'language': ['fr']},
                    {'any': [{'channel': ['facebook']}, {'not': {'kind': ['message']}}]},
                    {'timeOfDay': {'from': '22:00', 'to': '07:00'}}]},
                  'then': [{'action': 'escalate'}]}]}""");
        assertEquals(1, charter.matching(subject("Colis perdu", "mastodon", List.of(), LocalTime.of(23, 30))).size());
        assertEquals(1, charter.matching(subject("Colis perdu", "mastodon", List.of(), LocalTime.of(6, 59))).size());
        assertEquals(0, charter.matching(subject("Colis perdu", "mastodon", List.of(), LocalTime.of(7, 0))).size());
    }

    @Test
    void repeatOffendersCountOnlyOffencesInsideTheirWindow() {
        Charter charter = charter("""
                {'rules': [{'id': 'repeat', 'name': 'Récidive', 'when': {'repeatOffender': {'minPrevious': 2, 'withinDays': 7}},
                            'then': [{'action': 'escalate'}]}]}""");
        assertEquals(7, charter.authorHistoryDays());
        List<Instant> twoRecent = List.of(NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(6)));
        List<Instant> oneRecent = List.of(NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(8)));
        assertEquals(1, charter.matching(subject("encore", "mastodon", twoRecent, LocalTime.NOON)).size());
        assertEquals(0, charter.matching(subject("encore", "mastodon", oneRecent, LocalTime.NOON)).size());
    }

    @Test
    void aRegexWithCatastrophicBacktrackingGivesUpInsteadOfStallingTheInbox() {
        Charter charter = charter("""
                {'rules': [{'id': 'slow', 'name': 'Lente', 'when': {'regex': '^(a+)+$'}, 'then': [{'action': 'hide'}]}]}""");
        long start = System.nanoTime();
        assertEquals(0, charter.matching(subject("a".repeat(40) + "!")).size());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "the regex should have been cut short");
        assertEquals(1, charter.matching(subject("aaaa")).size());
    }

    @Test
    void everyViolationNamesItsExactField() {
        List<Violation> found = violations("""
                {'timezone': 'Mars/Olympus', 'colour': 'red', 'rules': [
                  {'id': 'ok', 'name': 'Bonne', 'when': {'channel': ['x']}, 'then': [{'action': 'hide'}]},
                  {'id': 'ok', 'name': '', 'priority': -3,
                   'when': {'all': [{'label': {'name': 'rudeness', 'minScore': 1.5}}, {'regex': '(unclosed'},
                                    {'timeOfDay': {'from': '25:00', 'to': '07:00'}}, {'colour': ['red']}]},
                   'then': [{'action': 'hide'}, {'action': 'delete'}, {'action': 'reply', 'savedReplyId': 'nope', 'visibility': 'loud'},
                            {'action': 'assign'}, {'action': 'explode'}, {'action': 'tag', 'tags': []}, {'action': 'escalate', 'tags': ['x']}]}]}""");
        List<String> fields = found.stream().map(Violation::field).toList();
        for (String expected : List.of("timezone", "colour", "rules[1].id", "rules[1].name", "rules[1].priority",
                "rules[1].when.all[0].label.name", "rules[1].when.all[0].label.minScore", "rules[1].when.all[1].regex",
                "rules[1].when.all[2].timeOfDay.from", "rules[1].when.all[3].colour", "rules[1].then",
                "rules[1].then[2].savedReplyId", "rules[1].then[2].visibility", "rules[1].then[3].assignee",
                "rules[1].then[4].action", "rules[1].then[5].tags", "rules[1].then[6].tags")) {
            assertTrue(fields.contains(expected), () -> expected + " not among " + found);
        }
        assertFalse(fields.contains("rules[0].id"), "the first rule is valid");
    }

    @Test
    void structureErrorsAreReportedToo() {
        assertEquals("rules", violations("{}").get(0).field());
        assertEquals("", violations("[]").get(0).field());
        assertEquals("rules[0].when", violations("{'rules': [{'id': 'a', 'name': 'A', 'when': {}, 'then': [{'action': 'hide'}]}]}").get(0).field());
        assertEquals("rules[0].then", violations("{'rules': [{'id': 'a', 'name': 'A', 'when': {'channel': ['x']}, 'then': []}]}").get(0).field());
        String deep = "{'not': ".repeat(12) + "{'channel': ['x']}" + "}".repeat(12);
        assertTrue(violations("{'rules': [{'id': 'a', 'name': 'A', 'when': " + deep + ", 'then': [{'action': 'hide'}]}]}")
                .stream().anyMatch(v -> v.message().contains("deeper")));
    }

    @Test
    void savedRepliesNamedByRulesAreReportedForChecking() {
        CharterParser.Result result = CharterParser.parse(json("""
                {'rules': [{'id': 'a', 'name': 'A', 'when': {'sentiment': ['negative']},
                            'then': [{'action': 'reply', 'savedReplyId': '0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b', 'visibility': 'private'}]}]}"""), 3);
        assertTrue(result.valid());
        assertEquals(3, result.charter().version());
        assertNotNull(result.savedReplies().get("rules[0].then[0].savedReplyId"));
    }

    @Test
    void aTimezoneThatIsNotAStringIsAViolationNamingIt() {
        for (String timezone : List.of("5", "['Europe/Paris']", "{}")) {
            List<Violation> found = violations("{'timezone': " + timezone + ", 'rules': []}");
            assertEquals(List.of(new Violation("timezone", "must be a string")), found, timezone);
        }
    }

    @Test
    void textPostgresqlCannotStoreIsAViolationWhereverItIs() {
        List<Violation> found = violations("""
                {'topics': ['caf\\u0000e'], 'rules': [{'id': 'a', 'name': 'A\\ud800', 'when': {'regex': 'x'},
                  'then': [{'action': 'tag', 'tags': ['%s']}]}]}""".formatted("t".repeat(51)));
        assertEquals(List.of("topics[0]", "rules[0].name", "rules[0].then[0].tags[0]"), found.stream().map(Violation::field).toList());
        assertTrue(found.get(0).message().contains("NUL"), found::toString);
        assertTrue(found.get(1).message().contains("unpaired surrogate"), found::toString);
        assertEquals("must be at most 200 characters",
                violations("{'topics': ['" + "x".repeat(201) + "'], 'rules': []}").get(0).message());
    }
}
