package io.tribu.moderation.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Threats in French and English from a hand-written lexicon (general vocabulary, not tuned to any data set):
 * none of the training corpora labels threats, so this label stays a rule. A threat word not negated scores
 * 0.9 when it has a target (second person or a protected group) and an intent ("will", "should", "devraient"),
 * 0.7 with one of them, 0.4 alone; quotation and counter-speech ("saying ... is unacceptable", "arrêtez de
 * dire...") lower it. Evidence lists the matched words in folded form.
 */
public final class ThreatClassifier {

    static final Lexicon THREAT = new Lexicon(List.of(
            "kill*", "murder*", "shoot*", "hang", "hanged", "lynch*", "burn*", "die", "dead", "death", "exterminat*",
            "eradicat*", "wipe", "gas", "gassed", "stab*", "slaughter*", "destroy*", "beat", "execute*", "behead*",
            "tuer", "tue", "tuez", "tuons", "massacr*", "abattre", "abattu*", "pendre", "pendu*", "bruler", "brule*",
            "mourir", "meure*", "mort", "morts", "crever", "crevent", "extermin*", "eradiqu*", "gazer", "poignard*",
            "tabass*", "egorg*", "fusill*", "buter", "executer", "execute", "decapit*", "lyncher", "noyer"));

    public List<Label> classify(Text text) {
        List<String> tokens = text.tokens;
        List<String> threats = new ArrayList<>();
        boolean target = false;
        boolean intent = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            target |= Cues.addressed(tokens, i);
            target |= CommentFeatures.GROUPS.match(token) != null;
            intent |= Cues.intent(token);
            String threat = THREAT.match(token);
            if (threat != null && !Cues.negated(tokens, i) && !threats.contains(threat)) {
                threats.add(threat);
            }
        }
        if (threats.isEmpty()) {
            return List.of();
        }
        double discount = Cues.counterSpeech(text.folded) ? 0.35 : Cues.quoted(text.raw) ? 0.5 : 1.0;
        double score = target && intent ? 0.9 : target || intent ? 0.7 : 0.4;
        return List.of(new Label("threat", score * discount, threats));
    }
}
