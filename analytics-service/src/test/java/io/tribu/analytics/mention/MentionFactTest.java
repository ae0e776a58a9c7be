package io.tribu.analytics.mention;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's fold gives the same state in every order the events of one mention can come in, each possibly twice
 * (redelivery): every permutation of a recording, two edits and a withdrawal, with every event duplicated in turn.
 */
class MentionFactTest {

    static final Instant PUBLISHED = Instant.parse("2026-11-20T10:00:00Z");
    static final MentionContent RECORDED = content("positive", "fr", "Super café");
    static final MentionContent FIRST_EDIT = content("neutral", "fr", "Café correct");
    static final MentionContent SECOND_EDIT = content("negative", "en", "Awful coffee");

    record Step(String name, UnaryOperator<MentionFact> apply) {
    }

    static final Step RECORDING = new Step("recorded", fact -> fact.afterRecording(RECORDED, "Marie", 1200));
    static final Step EDIT_1 = new Step("edit 1", fact -> fact.afterEdit(FIRST_EDIT, PUBLISHED.plusSeconds(60)));
    static final Step EDIT_2 = new Step("edit 2", fact -> fact.afterEdit(SECOND_EDIT, PUBLISHED.plusSeconds(120)));
    static final Step WITHDRAWAL = new Step("withdrawn", MentionFact::afterWithdrawal);

    static MentionContent content(String sentiment, String language, String text) {
        return new MentionContent(PUBLISHED, "mastodon", language, sentiment, List.of(UUID.randomUUID()), true, List.of(),
                text, null);
    }

    @Test
    void editsApplyLatestFirstWhateverTheOrderAndTheRecordingBringsTheAuthor() {
        for (List<Step> order : orders(List.of(RECORDING, EDIT_1, EDIT_2))) {
            MentionFact fact = fold(order);
            assertTrue(fact.counted(), order::toString);
            assertEquals(SECOND_EDIT, fact.content(), order::toString);
            assertEquals("Marie", fact.author(), order::toString);
            assertEquals(1200, fact.reach(), order::toString);
        }
    }

    @Test
    void aWithdrawalIsFinalWhateverComesBeforeOrAfterIt() {
        for (List<Step> order : orders(List.of(RECORDING, EDIT_1, EDIT_2, WITHDRAWAL))) {
            MentionFact fact = fold(order);
            assertFalse(fact.counted(), order::toString);
            assertTrue(fact.withdrawn(), order::toString);
            assertNull(fact.content(), order::toString);
        }
    }

    @Test
    void nothingIsCountedBeforeTheRecordingCame() {
        for (List<Step> order : orders(List.of(EDIT_1, EDIT_2))) {
            MentionFact fact = fold(order);
            assertFalse(fact.counted(), order::toString);
            assertEquals(SECOND_EDIT, fact.content(), "the latest edit waits, with its text");
        }
    }

    @Test
    void aSecondRecordingOfTheSameMentionChangesNothing() {
        MentionFact once = fold(List.of(RECORDING, EDIT_1));
        assertEquals(once, once.afterRecording(content("negative", "de", "Anders"), "Paul", 5));
    }

    private static MentionFact fold(List<Step> steps) {
        MentionFact fact = MentionFact.unknown("soleil", "cafe-lumiere", UUID.randomUUID());
        for (Step step : steps) {
            fact = step.apply().apply(fact);
        }
        return fact;
    }

    /** Every permutation of the steps, and each permutation with one of its steps applied twice in a row. */
    private static List<List<Step>> orders(List<Step> steps) {
        List<List<Step>> permutations = new ArrayList<>();
        permute(new ArrayList<>(steps), 0, permutations);
        List<List<Step>> orders = new ArrayList<>(permutations);
        for (List<Step> permutation : permutations) {
            for (int i = 0; i < permutation.size(); i++) {
                List<Step> duplicated = new ArrayList<>(permutation);
                duplicated.add(i, permutation.get(i));
                orders.add(duplicated);
            }
        }
        return orders;
    }

    private static void permute(List<Step> steps, int from, List<List<Step>> into) {
        if (from == steps.size()) {
            into.add(List.copyOf(steps));
            return;
        }
        for (int i = from; i < steps.size(); i++) {
            java.util.Collections.swap(steps, from, i);
            permute(steps, from + 1, into);
            java.util.Collections.swap(steps, from, i);
        }
    }
}
