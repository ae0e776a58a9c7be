package io.tribu.listening.query;

import java.util.List;

/**
 * A compiled listening query, tested on the words of one mention. Compiled once per stored query with words
 * as text ({@code atom} -1); {@link #link} gives the copy of one brand's index, where each word and wildcard
 * is a number (an atom) that the mention's scan marks as present.
 */
sealed interface Clause {

    boolean test(MentionScan mention);

    Clause link(Vocabulary vocabulary);

    /** A word, or a word matching a wildcard. */
    record Has(Atom atom) implements Clause {
        @Override
        public boolean test(MentionScan mention) {
            return mention.has(atom.id());
        }

        @Override
        public Clause link(Vocabulary vocabulary) {
            return new Has(atom.link(vocabulary));
        }
    }

    /** Two words or more, in this order, next to each other (a query word the analysis splits is one too). */
    record Phrase(List<String> words, int[] atoms) implements Clause {
        @Override
        public boolean test(MentionScan mention) {
            return mention.phraseStarts(atoms, null) > 0;
        }

        @Override
        public Clause link(Vocabulary vocabulary) {
            return new Phrase(words, words.stream().mapToInt(vocabulary::word).toArray());
        }
    }

    /** {@code lang:}, {@code source:} or {@code author:} equal to {@code value} (already a {@link Words#keyword}). */
    record Field(String name, String value) implements Clause {
        @Override
        public boolean test(MentionScan mention) {
            return value.equals(mention.field(name));
        }

        @Override
        public Clause link(Vocabulary vocabulary) {
            return this;
        }
    }

    /** Both sides hold, and some occurrences of them lie close enough ({@link Span}). */
    record Near(Clause left, Clause right, Span span) implements Clause {
        @Override
        public boolean test(MentionScan mention) {
            return left.test(mention) && right.test(mention) && !span.intervals(mention).isEmpty();
        }

        @Override
        public Clause link(Vocabulary vocabulary) {
            return new Near(left.link(vocabulary), right.link(vocabulary), span.link(vocabulary));
        }
    }

    record Not(Clause operand) implements Clause {
        @Override
        public boolean test(MentionScan mention) {
            return !operand.test(mention);
        }

        @Override
        public Clause link(Vocabulary vocabulary) {
            return new Not(operand.link(vocabulary));
        }
    }

    record All(List<Clause> operands) implements Clause {
        @Override
        public boolean test(MentionScan mention) {
            for (Clause operand : operands) {
                if (!operand.test(mention)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Clause link(Vocabulary vocabulary) {
            return new All(operands.stream().map(operand -> operand.link(vocabulary)).toList());
        }
    }

    record Any(List<Clause> operands) implements Clause {
        @Override
        public boolean test(MentionScan mention) {
            for (Clause operand : operands) {
                if (operand.test(mention)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Clause link(Vocabulary vocabulary) {
            return new Any(operands.stream().map(operand -> operand.link(vocabulary)).toList());
        }
    }
}
