package io.tribu.listening.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The positions side of {@code a NEAR/n b}: which stretches of the mention each operand covers, and which
 * pairs of them lie within n words.
 *
 * <p>Deliberately the same answers as the Lucene interval queries the service ran before (minimal-interval
 * semantics, Lucene 9.11): each operand lists the stretches its iterator would produce, in the same order and
 * with the same pruning, so {@code "a b c" OR c} inside a NEAR, or {@code x NEAR/3 x}, match exactly as they
 * did. The comments name the Lucene behaviour each step mirrors. Stretches are computed eagerly: a mention
 * holds few occurrences of a query's words.
 */
sealed interface Span {

    /** Equal keys, equal spans: Lucene merges equal operands of an OR and pairs equal NEAR sides specially. */
    String key();

    Span link(Vocabulary vocabulary);

    IntervalList intervals(MentionScan mention);

    /** {@code left NEAR/distance right}, in either order, without overlap, at most {@code distance} words between. */
    static Span near(Span left, Span right, int distance) {
        if (left.key().equals(right.key())) {
            return new Repeated(left, distance);
        }
        return either(List.of(new Ordered(left, right, distance), new Ordered(right, left, distance)));
    }

    /** Any of the spans; nested alternatives are flattened and duplicates dropped, as Lucene's disjunction does. */
    static Span either(List<Span> spans) {
        Map<String, Span> distinct = new LinkedHashMap<>();
        for (Span span : spans) {
            if (span instanceof Either either) {
                either.spans().forEach(s -> distinct.putIfAbsent(s.key(), s));
            } else {
                distinct.putIfAbsent(span.key(), span);
            }
        }
        return distinct.size() == 1 ? distinct.values().iterator().next() : new Either(List.copyOf(distinct.values()));
    }

    /** The positions of a word, or of the words matching a wildcard. */
    record Positions(Atom atom) implements Span {
        @Override
        public String key() {
            return atom.key();
        }

        @Override
        public Span link(Vocabulary vocabulary) {
            return new Positions(atom.link(vocabulary));
        }

        @Override
        public IntervalList intervals(MentionScan mention) {
            return mention.positions(atom.id());
        }
    }

    record Phrase(List<String> words, int[] atoms) implements Span {
        @Override
        public String key() {
            return "phrase:" + String.join("\u0001", words);
        }

        @Override
        public Span link(Vocabulary vocabulary) {
            return new Phrase(words, words.stream().mapToInt(vocabulary::word).toArray());
        }

        @Override
        public IntervalList intervals(MentionScan mention) {
            IntervalList found = new IntervalList(2);
            mention.phraseStarts(atoms, found);
            return found;
        }
    }

    /**
     * Lucene's disjunction iterator: stretches by end, then the narrower first; after each one, the stretches
     * that contain it and come next are skipped (a wider alternative ending at the same word is not listed).
     */
    record Either(List<Span> spans) implements Span {
        @Override
        public String key() {
            return spans.stream().map(Span::key).sorted().collect(Collectors.joining("\u0002", "either(", ")"));
        }

        @Override
        public Span link(Vocabulary vocabulary) {
            return new Either(spans.stream().map(span -> span.link(vocabulary)).toList());
        }

        @Override
        public IntervalList intervals(MentionScan mention) {
            List<IntervalList> lists = new ArrayList<>(spans.size());
            for (Span span : spans) {
                lists.add(span.intervals(mention));
            }
            int[] next = new int[lists.size()];
            IntervalList merged = new IntervalList(4);
            int top = top(lists, next);
            while (top >= 0) {
                int start = lists.get(top).start(next[top]);
                int end = lists.get(top).end(next[top]);
                merged.add(start, end);
                while ((top = top(lists, next)) >= 0 && lists.get(top).start(next[top]) <= start
                        && end <= lists.get(top).end(next[top])) {
                    next[top]++;
                }
            }
            return merged;
        }

        private static int top(List<IntervalList> lists, int[] next) {
            int top = -1;
            for (int i = 0; i < lists.size(); i++) {
                IntervalList list = lists.get(i);
                if (next[i] < list.size() && (top < 0 || list.end(next[i]) < lists.get(top).end(next[top])
                        || (list.end(next[i]) == lists.get(top).end(next[top])
                        && list.start(next[i]) > lists.get(top).start(next[top])))) {
                    top = i;
                }
            }
            return top;
        }
    }

    /**
     * {@code first} then {@code second}, at most {@code maxGaps} words between them: Lucene's ordered iterator
     * under a max-gaps filter. For each occurrence of {@code second} it takes the last {@code first} that
     * ends before it, and moves both sides forward only, so each pairing is its tightest.
     */
    record Ordered(Span first, Span second, int maxGaps) implements Span {
        @Override
        public String key() {
            return "gaps" + maxGaps + "(ordered(" + first.key() + "\u0003" + second.key() + "))";
        }

        @Override
        public Span link(Vocabulary vocabulary) {
            return new Ordered(first.link(vocabulary), second.link(vocabulary), maxGaps);
        }

        @Override
        public IntervalList intervals(MentionScan mention) {
            IntervalList a = first.intervals(mention);
            if (a.isEmpty()) {
                return IntervalList.EMPTY;
            }
            IntervalList b = second.intervals(mention);
            IntervalList found = new IntervalList(2);
            int i = 0;
            int j = -1;
            while (true) {
                do {
                    if (++j >= b.size()) {
                        return found;
                    }
                } while (b.start(j) <= a.end(i));
                int last = i++;
                while (i < a.size() && a.end(i) < b.start(j)) {
                    last = i++;
                }
                int start = a.start(last);
                int end = b.end(j);
                if (end - start + 1 - a.width(last) - b.width(j) <= maxGaps) {
                    found.add(start, end);
                }
                if (i >= a.size()) {
                    return found;
                }
            }
        }
    }

    /**
     * {@code x NEAR/n x}: Lucene turns an ordered pair of equal sides into two consecutive occurrences of
     * {@code x}, and counts the gap between them with each occurrence's width as {@code start - end + 1}
     * (its own quirk: only one-word occurrences count as one word), so that is what is counted here too.
     */
    record Repeated(Span span, int maxGaps) implements Span {
        @Override
        public String key() {
            return "gaps" + maxGaps + "(repeated(" + span.key() + "))";
        }

        @Override
        public Span link(Vocabulary vocabulary) {
            return new Repeated(span.link(vocabulary), maxGaps);
        }

        @Override
        public IntervalList intervals(MentionScan mention) {
            IntervalList x = span.intervals(mention);
            IntervalList found = new IntervalList(2);
            for (int i = 0; i + 1 < x.size(); i++) {
                int start = x.start(i);
                int end = x.end(i + 1);
                int widths = (x.start(i) - x.end(i) + 1) + (x.start(i + 1) - x.end(i + 1) + 1);
                if (end - start + 1 - widths <= maxGaps) {
                    found.add(start, end);
                }
            }
            return found;
        }
    }
}
