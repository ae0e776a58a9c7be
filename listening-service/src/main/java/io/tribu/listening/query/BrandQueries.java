package io.tribu.listening.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One brand's enabled queries, indexed for matching; immutable, rebuilt whole when one of them changes.
 *
 * <p>Each query is indexed under its anchors: the atoms (words, wildcards) of one clause the query cannot
 * match without, the rarest such clause. A mention's words are looked up once each; only the queries
 * anchored on an atom the mention holds are tested, plus the few that have no anchor at all ({@code NOT x},
 * {@code lang:fr} alone). Wildcards are found through their first (up to) three letters.
 */
final class BrandQueries {

    /** Word-start length under which wildcards are filed: {@code cosmet*} under "cos". */
    private static final int START = 3;

    /** What each query reports when matched; queries are numbered in the order of their ids. */
    private final MatchedQuery[] matches;
    private final Clause[] clauses;
    private final int atoms;
    private final WordTable words;
    private final int[][] anchoredQueries;
    private final int[] unanchoredQueries;
    /** Word start of 1, 2 or 3 letters → the wildcard atoms filed under it. */
    private final WordTable starts;
    private final int[][] startPatterns;
    private final boolean[] startLengths = new boolean[START + 1];
    private final Wildcard[] patterns;
    /** Wildcards that start with a wildcard ({@code *metique}): tried on every word. */
    private final int[] startless;

    BrandQueries(Collection<Registered> registered) {
        int n = registered.size();
        matches = new MatchedQuery[n];
        clauses = new Clause[n];
        Vocabulary vocabulary = new Vocabulary();
        int q = 0;
        // numbered by id, so the matches of a mention come out in id order by sorting numbers
        for (Registered entry : registered.stream().sorted(Comparator.comparing(r -> r.query().id())).toList()) {
            matches[q] = entry.query().asMatch();
            clauses[q++] = entry.clause().link(vocabulary);
        }
        atoms = vocabulary.size();
        patterns = new Wildcard[atoms];
        Map<String, Integer> wordAtoms = new HashMap<>();
        Map<String, List<Integer>> byStart = new HashMap<>();
        List<Integer> noStart = new ArrayList<>();
        for (int atom = 0; atom < atoms; atom++) {
            Wildcard pattern = vocabulary.patternOf(atom);
            if (pattern == null) {
                wordAtoms.put(vocabulary.wordOf(atom), atom);
            } else if (pattern.start().isEmpty()) {
                patterns[atom] = pattern;
                noStart.add(atom);
            } else {
                patterns[atom] = pattern;
                String start = pattern.start().substring(0, Math.min(START, pattern.start().length()));
                byStart.computeIfAbsent(start, s -> new ArrayList<>()).add(atom);
                startLengths[start.length()] = true;
            }
        }
        words = new WordTable(wordAtoms);
        Map<String, Integer> startIndex = new HashMap<>();
        startPatterns = new int[byStart.size()][];
        byStart.forEach((start, list) -> {
            startPatterns[startIndex.size()] = list.stream().mapToInt(Integer::intValue).toArray();
            startIndex.put(start, startIndex.size());
        });
        starts = new WordTable(startIndex);
        startless = noStart.stream().mapToInt(Integer::intValue).toArray();

        Anchors anchors = new Anchors(vocabulary);
        List<List<Integer>> postings = new ArrayList<>(atoms);
        for (int atom = 0; atom < atoms; atom++) {
            postings.add(new ArrayList<>(1));
        }
        List<Integer> unanchored = new ArrayList<>();
        for (q = 0; q < n; q++) {
            int[] anchor = anchors.of(clauses[q]);
            if (anchor == null) {
                unanchored.add(q);
            } else {
                for (int atom : anchor) {
                    postings.get(atom).add(q);
                }
            }
        }
        anchoredQueries = postings.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        unanchoredQueries = unanchored.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The queries this mention matches, ordered by id. */
    List<MatchedQuery> match(MentionDocument mention, MentionScan scan) {
        Words text = scan.start(mention, atoms, matches.length);
        boolean anyStart = startPatterns.length > 0;
        while (text.next()) {
            char[] word = text.chars();
            int length = text.length();
            int atom = words.get(word, length, text.hash());
            if (atom >= 0) {
                add(scan, atom, text.position());
            }
            if (anyStart) {
                int startHash = 0; // Words.hash of word[0..k), grown a letter at a time
                for (int k = 1; k <= START && k <= length; k++) {
                    startHash = 31 * startHash + word[k - 1];
                    if (startLengths[k]) {
                        int index = starts.get(word, k, startHash);
                        if (index >= 0) {
                            addMatching(scan, startPatterns[index], word, length, text.position());
                        }
                    }
                }
            }
            if (startless.length > 0) {
                addMatching(scan, startless, word, length, text.position());
            }
        }
        for (int query : unanchoredQueries) {
            scan.addCandidate(query);
        }
        int found = 0;
        for (int i = 0; i < scan.candidateCount(); i++) {
            int query = scan.candidate(i);
            if (clauses[query].test(scan)) {
                scan.keepCandidate(found++, query);
            }
        }
        if (found == 0) {
            return List.of();
        }
        int[] kept = scan.keptCandidates(found);
        MatchedQuery[] matched = new MatchedQuery[found];
        for (int i = 0; i < found; i++) {
            matched[i] = matches[kept[i]];
        }
        return Arrays.asList(matched);
    }

    private void addMatching(MentionScan scan, int[] candidates, char[] word, int length, int position) {
        for (int atom : candidates) {
            if (patterns[atom].matches(word, length)) {
                add(scan, atom, position);
            }
        }
    }

    private void add(MentionScan scan, int atom, int position) {
        if (scan.add(atom, position)) {
            for (int query : anchoredQueries[atom]) {
                scan.addCandidate(query);
            }
        }
    }

    /** A stored query and its compiled clause, words not yet numbered. */
    record Registered(StoredQuery query, Clause clause) {
    }
}
