package io.tribu.listening.query;

import java.util.stream.IntStream;

/**
 * Chooses what a query is indexed under: a set of atoms one of which every matching mention holds. In a
 * conjunction (AND, both sides of a NEAR, the words of a phrase) any one required part will do, so the
 * cheapest is taken; a disjunction needs all its alternatives; NOT and field filters give none. The cost of
 * an atom guesses how often it occurs: short words and short wildcard starts are frequent, and a word used by
 * many queries of the brand is a generic one ("livraison") rather than a name.
 */
final class Anchors {

    private final Vocabulary vocabulary;

    Anchors(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The atoms to index the clause under, or null when it can match without any (test it for every mention). */
    int[] of(Clause clause) {
        Choice choice = choose(clause);
        return choice == null ? null : choice.atoms();
    }

    private record Choice(int[] atoms, double cost) {
        static Choice cheaper(Choice a, Choice b) {
            if (a == null) {
                return b;
            }
            return b == null || a.cost <= b.cost ? a : b;
        }
    }

    private Choice choose(Clause clause) {
        if (clause instanceof Clause.Has has) {
            return single(has.atom().id());
        }
        if (clause instanceof Clause.Phrase phrase) {
            return IntStream.of(phrase.atoms()).mapToObj(this::single).reduce(null, Choice::cheaper);
        }
        if (clause instanceof Clause.Near near) {
            return Choice.cheaper(choose(near.left()), choose(near.right()));
        }
        if (clause instanceof Clause.All all) {
            return all.operands().stream().map(this::choose).reduce(null, Choice::cheaper);
        }
        if (clause instanceof Clause.Any any) {
            return union(any);
        }
        return null; // NOT, field filters
    }

    private Choice union(Clause.Any any) {
        IntStream atoms = IntStream.empty();
        double cost = 0;
        for (Clause operand : any.operands()) {
            Choice choice = choose(operand);
            if (choice == null) {
                return null;
            }
            atoms = IntStream.concat(atoms, IntStream.of(choice.atoms()));
            cost += choice.cost();
        }
        return new Choice(atoms.distinct().toArray(), cost);
    }

    private Choice single(int atom) {
        return new Choice(new int[]{atom}, frequency(atom) * vocabulary.uses(atom));
    }

    private double frequency(int atom) {
        Wildcard pattern = vocabulary.patternOf(atom);
        int letters = pattern == null ? vocabulary.wordOf(atom).length() : pattern.start().length();
        double shortness = letters <= 2 ? 8 : letters == 3 ? 3 : 1;
        return pattern == null ? shortness : letters == 0 ? 1_000 : 4 * shortness;
    }
}
