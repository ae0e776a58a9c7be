package io.tribu.listening.enrich;

/**
 * One unit of a social-media text as the sentiment rules see it.
 *
 * @param kind      what the token is
 * @param text      the token as written (emoji and emoticons verbatim)
 * @param key       lookup form: lower case, accents removed, letter runs of three or more cut to two
 *                  (so "Géniaaal" and "genial" share a key after {@link #squeezedKey()}); empty for
 *                  URLs and mentions
 * @param allCaps   a word of two letters or more written in capitals
 * @param elongated the word had a letter repeated three times or more ("goooood")
 */
record Token(Kind kind, String text, String key, boolean allCaps, boolean elongated) {

    enum Kind {
        WORD,
        /** A #tag: kept as a word, its leading '#' removed from {@link #key()}. */
        HASHTAG,
        EMOJI,
        EMOTICON,
        /** A run of punctuation such as "!!!", "?", "...", ","; clause boundaries. */
        PUNCTUATION,
        NUMBER,
        URL,
        MENTION
    }

    boolean isWord() {
        return kind == Kind.WORD || kind == Kind.HASHTAG;
    }

    /** The key with doubled letters collapsed to one ("good" stays, "gooood" gives "god"); a second try for elongated words. */
    String squeezedKey() {
        StringBuilder b = new StringBuilder(key.length());
        char previous = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != previous || !Character.isLetter(c)) {
                b.append(c);
            }
            previous = c;
        }
        return b.toString();
    }

    int count(char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
