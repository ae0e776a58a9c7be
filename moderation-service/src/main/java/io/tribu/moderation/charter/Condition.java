package io.tribu.moderation.charter;

import io.tribu.moderation.classify.Text;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One test of a rule's "when": a leaf on the interaction, or all/any/not of other conditions. */
public sealed interface Condition {

    boolean test(Subject subject);

    record All(List<Condition> conditions) implements Condition {
        public boolean test(Subject subject) {
            return conditions.stream().allMatch(c -> c.test(subject));
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        public boolean test(Subject subject) {
            return conditions.stream().anyMatch(c -> c.test(subject));
        }
    }

    record Not(Condition condition) implements Condition {
        public boolean test(Subject subject) {
            return !condition.test(subject);
        }
    }

    /** A classifier label scored at least minScore (0..1). */
    record LabelAtLeast(String label, double minScore) implements Condition {
        public boolean test(Subject subject) {
            return subject.labels().score(label) >= minScore;
        }
    }

    /** Any of the words or phrases, compared folded (case, accents, leetspeak) and on word boundaries. */
    record Keywords(List<List<String>> phrases) implements Condition {
        static Keywords of(List<String> raw) {
            return new Keywords(raw.stream().map(k -> Text.of(k).tokens).filter(t -> !t.isEmpty()).toList());
        }

        public boolean test(Subject subject) {
            List<String> tokens = subject.text().tokens;
            for (List<String> phrase : phrases) {
                for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
                    if (tokens.subList(i, i + phrase.size()).equals(phrase)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** A regular expression found anywhere in the raw text (case-insensitive, Unicode, 20 ms at most). */
    record RegexFound(Pattern pattern) implements Condition {
        public boolean test(Subject subject) {
            try {
                return pattern.matcher(new BoundedText(subject.text().raw, System.nanoTime() + BoundedText.BUDGET_NANOS)).find();
            } catch (BoundedText.TooSlow e) {
                return false;
            }
        }
    }

    /** Sentiment among the given labels; an interaction without sentiment never matches. */
    record SentimentIs(Set<String> labels) implements Condition {
        public boolean test(Subject subject) {
            return subject.sentiment() != null && labels.contains(subject.sentiment());
        }
    }

    record LanguageIs(Set<String> languages) implements Condition {
        public boolean test(Subject subject) {
            return subject.language() != null && languages.contains(subject.language());
        }
    }

    record ChannelIs(Set<String> channels) implements Condition {
        public boolean test(Subject subject) {
            return channels.contains(subject.channel());
        }
    }

    record KindIs(Set<String> kinds) implements Condition {
        public boolean test(Subject subject) {
            return kinds.contains(subject.kind());
        }
    }

    /** A review's stars within [min, max]; an interaction without rating never matches. */
    record RatingBetween(int min, int max) implements Condition {
        public boolean test(Subject subject) {
            return subject.rating() != null && subject.rating() >= min && subject.rating() <= max;
        }
    }

    /** The author had at least minPrevious items hidden or deleted on the brand in the last withinDays days. */
    record RepeatOffender(int minPrevious, int withinDays) implements Condition {
        public boolean test(Subject subject) {
            return subject.author() != null && subject.offencesWithin(withinDays) >= minPrevious;
        }
    }

    /** Brand-local time within [from, to); a window like 22:00–07:00 wraps past midnight. */
    record TimeOfDay(LocalTime from, LocalTime to) implements Condition {
        public boolean test(Subject subject) {
            LocalTime t = subject.localTime();
            return from.isBefore(to)
                    ? !t.isBefore(from) && t.isBefore(to)
                    : !t.isBefore(from) || t.isBefore(to);
        }
    }
}
