package io.tribu.listening.query;

import io.tribu.listening.enrich.SharedData;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Words} reads texts exactly as the Lucene analysis of the Monitor did: same words, same positions. */
class WordsTest {

    /**
     * Apostrophes, signs, accents, ligatures, combining marks, case oddities (İ, Σ, K), emoji, fullwidth, letters
     * that fold to an elision's (Ď'accord is not elided: the analysis drops elisions before folding).
     */
    private static final String ALPHABET = "aeiouAEIOUéÉèçÇœŒæßøłİıΣσςKＡ１_0'’‘#@-.,:;!? \t\n()\"\\*e\u0301\u0308ﬁ①😀ĎďĹ";

    private static final ListeningAnalyzer REFERENCE = new ListeningAnalyzer();

    @Test
    void sameWordsAndPositionsAsTheLuceneAnalysis() {
        List<String> texts = new ArrayList<>(List.of(
                "J'adore l'Oréal et L’ÉQUIPE d’accueil ! #CaféLumière @Lumière ##x @@y #_ a#b c@d.com",
                "Aujourd’hui qu'il pleuve, jusqu'à lorsqu'il l' d'' 'quoted' rock'n'roll #l'oréal @l'équipe",
                "ÇA CRÈME ŒUVRE naïve façon Ångström STRASSE straße ﬁnal İstanbul ΟΔΟΣ Kelvin ①②",
                "Ď'accord ĺ’oréal QŰ'il ⑽'x"));
        SharedData.root().ifPresent(root -> {
            for (Path csv : SharedData.files(root, "sentiment")) {
                SharedData.read(csv).stream().limit(500).forEach(row -> texts.add(row.text()));
            }
        });
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                        random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            }
            texts.add(text.toString());
        }
        Words mention = new Words(true);
        for (String text : texts) {
            assertEquals(reference("text", text), read(mention.reset(text)), text);
            assertEquals(reference(ListeningAnalyzer.QUERY_FIELD, text), read(new Words(false).reset(text)), text);
        }
    }

    @Test
    void metadataValuesCompareWithoutCaseAccentOrSign() {
        for (String[] row : new String[][]{
                {"mastodon", "mastodon"}, {"fr", "fr"}, {"jane doe", "jane doe"}, {" @Jane ", "jane"},
                {"@jane", "jane"}, {"Mastodon", "mastodon"}, {"crème", "creme"}, {"Œuvre\t", "oeuvre"},
                {"\tfr", "fr"}, {"a\u007Fb", "a\u007Fb"}}) {
            assertEquals(row[1], Words.keyword(row[0]), row[0]);
        }
    }

    private static List<String> read(Words words) {
        List<String> out = new ArrayList<>();
        while (words.next()) {
            String word = new String(words.chars(), 0, words.length());
            // the hash kept while reading is the one the word tables filed their keys under
            assertEquals(word.hashCode(), words.hash(), word);
            out.add(words.position() + ":" + word);
        }
        return out;
    }

    private static List<String> reference(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = REFERENCE.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(position + ":" + term);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
