package io.tribu.listening.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer(Set.of(":)", ":-(", "<3", "xD"));

    private List<String> keys(String text, boolean french) {
        return tokenizer.tokenize(text, french).stream().map(Token::key).toList();
    }

    @Test
    void splitsFrenchElisionsOnlyForFrench() {
        assertEquals(List.of("j'", "adore", "l'", "ete"), keys("J'adore l’été", true));
        assertEquals(List.of("qu'", "aujourd'hui"), keys("qu'aujourd'hui", true));
        assertEquals(List.of("don't", "go"), keys("Don't go", false));
    }

    @Test
    void foldsCaseAccentsLigaturesAndApostrophes() {
        assertEquals(List.of("coeur", "tres", "ca", "n'", "est"), keys("Cœur TRÈS ça n’est", true));
    }

    @Test
    void keepsEmojiAndEmoticonsDropsLinksAndMentions() {
        List<Token> tokens = tokenizer.tokenize("@marie merci :) 👍🏽 <3 https://t.co/x #Top", true);
        assertEquals(List.of(Token.Kind.MENTION, Token.Kind.WORD, Token.Kind.EMOTICON, Token.Kind.EMOJI,
                Token.Kind.EMOTICON, Token.Kind.URL, Token.Kind.HASHTAG), tokens.stream().map(Token::kind).toList());
        assertEquals("👍", tokens.get(3).key(), "skin tone dropped from the key");
        assertEquals("top", tokens.get(6).key());
    }

    @Test
    void anEmoticonMadeOfLettersMustStandAlone() {
        assertEquals(Token.Kind.EMOTICON, tokenizer.tokenize("haha xD", false).get(1).kind());
        assertTrue(tokenizer.tokenize("xDrive", false).stream().noneMatch(t -> t.kind() == Token.Kind.EMOTICON));
    }

    @Test
    void marksElongationAndCapitals() {
        Token t = tokenizer.tokenize("GÉNIAAAAL", true).get(0);
        assertTrue(t.elongated());
        assertTrue(t.allCaps());
        assertEquals("geniaal", t.key());
        assertEquals("genial", t.squeezedKey());
        assertFalse(tokenizer.tokenize("I", false).get(0).allCaps(), "one capital letter is not shouting");
    }

    @Test
    void punctuationRunsAreTokensAndCountTheirMarks() {
        Token t = tokenizer.tokenize("bien !!!?", true).get(1);
        assertEquals(Token.Kind.PUNCTUATION, t.kind());
        assertEquals(3, t.count('!'));
        assertEquals(1, t.count('?'));
    }
}
