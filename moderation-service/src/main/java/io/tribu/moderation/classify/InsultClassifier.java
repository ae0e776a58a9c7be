package io.tribu.moderation.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Insults in French and English from a hand-written lexicon of epithets and slurs (general vocabulary, not tuned
 * to any data set). The training corpora do not tell an insult from other offence and hold few French epithets
 * aimed at a person ("espèce de connard"), so the trained model misses many of them; {@link Classifier} keeps the
 * stronger of this rule's score and the model's. An epithet not negated scores 0.85 when it is aimed at someone
 * (second person, "what a", "espèce de", "bande de"); alone ("this stupid update") the rule says nothing and the
 * model's calibrated score stands. Quotation and counter-speech lower it. An insult aimed at someone is also toxic: the same score is given as
 * toxicity. Evidence lists the matched words in folded form.
 */
public final class InsultClassifier {

    static final Lexicon INSULT = new Lexicon(List.of(
            "idiot*", "stupid*", "moron*", "imbecile*", "loser*", "dumbass*", "asshole*", "jerk", "bastard*",
            "bitch*", "clown", "dumb", "fool", "twat*", "prick", "dickhead*", "douche*", "wanker*", "scumbag*",
            "cretin*", "con", "conne", "connard*", "connasse*", "abruti*", "debile*", "bouffon*", "salaud*",
            "enfoire*", "ordure*", "batard*", "naze*", "tocard*", "boulet*", "blaireau*", "minable*", "guignol*",
            "idiote*", "nul", "nulle", "escroc*", "voleur*", "thief", "liar*",
            "menteur*", "menteuse*", "pathetic", "pathetique*"));

    public List<Label> classify(Text text) {
        List<String> tokens = text.tokens;
        List<String> words = new ArrayList<>();
        boolean addressed = false;
        for (int i = 0; i < tokens.size(); i++) {
            addressed |= Cues.addressed(tokens, i);
            if (Cues.negated(tokens, i)) {
                continue;
            }
            for (String word : new String[] {INSULT.match(tokens.get(i)), CommentFeatures.SLURS.match(tokens.get(i))}) {
                if (word != null && !words.contains(word)) {
                    words.add(word);
                }
            }
        }
        if (words.isEmpty() || !addressed) {
            return List.of();
        }
        double discount = Cues.counterSpeech(text.folded) ? 0.35 : Cues.quoted(text.raw) ? 0.5 : 1.0;
        double score = 0.85 * discount;
        return List.of(new Label("insult", score, words), new Label("toxicity", score, words));
    }
}
