package io.tribu.listening.query;

import java.util.Arrays;

/**
 * What one mention holds of a brand's atoms (the words and wildcards its queries use), at which positions,
 * and which queries are candidates. Reused from mention to mention by one thread: a generation number marks
 * what belongs to the current mention, so nothing is cleared and nothing is allocated per word.
 */
final class MentionScan {

    private final Words words = new Words(true);
    private int generation;
    private int[] seenIn = new int[0];
    private int[] firstOccurrence = new int[0];
    private int[] lastOccurrence = new int[0];
    private int[] occurrencePosition = new int[256];
    private int[] nextOccurrence = new int[256];
    private int occurrences;
    private int[] candidateIn = new int[0];
    private int[] candidates = new int[64];
    private int candidateCount;
    private MentionDocument mention;
    /** {@link #field} values, folded on first use: most mentions reach no query that filters on them. */
    private String language;
    private String source;
    private String author;
    private boolean fieldsFolded;

    /** Starts a mention; the returned cursor reads its words. */
    Words start(MentionDocument mention, int atoms, int queries) {
        if (seenIn.length < atoms) {
            int size = Math.max(atoms, seenIn.length * 2);
            seenIn = Arrays.copyOf(seenIn, size);
            firstOccurrence = Arrays.copyOf(firstOccurrence, size);
            lastOccurrence = Arrays.copyOf(lastOccurrence, size);
        }
        if (candidateIn.length < queries) {
            candidateIn = Arrays.copyOf(candidateIn, Math.max(queries, candidateIn.length * 2));
        }
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(seenIn, 0);
            Arrays.fill(candidateIn, 0);
            generation = 1;
        }
        occurrences = 0;
        candidateCount = 0;
        this.mention = mention;
        fieldsFolded = false;
        return words.reset(mention.text());
    }

    private static String keyword(String value) {
        return value == null || value.isBlank() ? null : Words.keyword(value);
    }

    /** Notes the atom at this position; true when it is its first occurrence in the mention. */
    boolean add(int atom, int position) {
        if (occurrences == occurrencePosition.length) {
            occurrencePosition = Arrays.copyOf(occurrencePosition, occurrences * 2);
            nextOccurrence = Arrays.copyOf(nextOccurrence, occurrences * 2);
        }
        if (seenIn[atom] != generation) {
            seenIn[atom] = generation;
            firstOccurrence[atom] = lastOccurrence[atom] = append(position);
            return true;
        }
        // a wildcard may match both "#tag" and its bare copy "tag", at one position: counted once
        if (occurrencePosition[lastOccurrence[atom]] != position) {
            int occurrence = append(position);
            nextOccurrence[lastOccurrence[atom]] = occurrence;
            lastOccurrence[atom] = occurrence;
        }
        return false;
    }

    private int append(int position) {
        occurrencePosition[occurrences] = position;
        nextOccurrence[occurrences] = -1;
        return occurrences++;
    }

    boolean has(int atom) {
        return seenIn[atom] == generation;
    }

    /** The atom's positions, ascending. */
    IntervalList positions(int atom) {
        if (!has(atom)) {
            return IntervalList.EMPTY;
        }
        IntervalList positions = new IntervalList(2);
        for (int o = firstOccurrence[atom]; o >= 0; o = nextOccurrence[o]) {
            positions.add(occurrencePosition[o], occurrencePosition[o]);
        }
        return positions;
    }

    private boolean at(int atom, int position) {
        if (!has(atom)) {
            return false;
        }
        for (int o = firstOccurrence[atom]; o >= 0 && occurrencePosition[o] <= position; o = nextOccurrence[o]) {
            if (occurrencePosition[o] == position) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many times the atoms occur one after the other; each occurrence is added to {@code found} when given,
     * otherwise the count stops at the first.
     */
    int phraseStarts(int[] atoms, IntervalList found) {
        if (!has(atoms[0])) {
            return 0;
        }
        int count = 0;
        for (int o = firstOccurrence[atoms[0]]; o >= 0; o = nextOccurrence[o]) {
            int start = occurrencePosition[o];
            int k = 1;
            while (k < atoms.length && at(atoms[k], start + k)) {
                k++;
            }
            if (k == atoms.length) {
                count++;
                if (found == null) {
                    return count;
                }
                found.add(start, start + atoms.length - 1);
            }
        }
        return count;
    }

    /** The mention's {@code lang}, {@code source} or {@code author}, as a {@link Words#keyword}; null if absent. */
    String field(String name) {
        if (!fieldsFolded) {
            language = keyword(mention.language());
            source = keyword(mention.source());
            author = keyword(mention.author());
            fieldsFolded = true;
        }
        return switch (name) {
            case "lang" -> language;
            case "source" -> source;
            case "author" -> author;
            default -> null;
        };
    }

    void addCandidate(int query) {
        if (candidateIn[query] == generation) {
            return;
        }
        candidateIn[query] = generation;
        if (candidateCount == candidates.length) {
            candidates = Arrays.copyOf(candidates, candidateCount * 2);
        }
        candidates[candidateCount++] = query;
    }

    int candidateCount() {
        return candidateCount;
    }

    int candidate(int i) {
        return candidates[i];
    }

    /**
     * Overwrites the {@code i}-th candidate, already tested: the candidates a mention matches are kept at the
     * front of the same array, {@code i} never passing the candidate being tested.
     */
    void keepCandidate(int i, int query) {
        candidates[i] = query;
    }

    /** The first {@code count} kept candidates, sorted: the array itself, valid until the next mention. */
    int[] keptCandidates(int count) {
        Arrays.sort(candidates, 0, count);
        return candidates;
    }
}
