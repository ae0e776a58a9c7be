package io.tribu.listening.query;

/**
 * A word or a wildcard of a query: what a mention's scan marks as present, with its positions. {@code id}
 * numbers it in one brand's {@link Vocabulary}; -1 until linked.
 */
record Atom(String word, Wildcard pattern, int id) {

    static Atom word(String word) {
        return new Atom(word, null, -1);
    }

    static Atom pattern(Wildcard pattern) {
        return new Atom(null, pattern, -1);
    }

    Atom link(Vocabulary vocabulary) {
        return new Atom(word, pattern, word != null ? vocabulary.word(word) : vocabulary.pattern(pattern));
    }

    /** Equal keys, same words matched. */
    String key() {
        return word != null ? "word:" + word : pattern.key();
    }
}
