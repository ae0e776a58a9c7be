package io.tribu.listening.enrich;

/**
 * Text as full-text search stores and reads it: lower case, accents removed, typographic apostrophes made
 * ASCII. The same folding applies to stored texts and searched words, so "Cafe" finds "café" and
 * "l’équipe" finds "equipe"; PostgreSQL's 'simple' parser then splits at the apostrophes.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String of(String text) {
        return text == null ? null : Tokenizer.fold(text);
    }
}
