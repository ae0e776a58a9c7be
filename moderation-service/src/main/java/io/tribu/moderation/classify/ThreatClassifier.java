package io.tribu.moderation.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "nobody", "none", "without",
            "neither", "nor", "ne", "n", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "personne", "plus");
    private static final Set<String> NEGATED_AUXILIARY = Set.of("don", "doesn", "didn", "isn", "aren", "wasn", "weren",
            "can", "couldn", "won", "wouldn", "shouldn", "haven", "hasn", "ain");
    /** A clause boundary ends the reach of a negation: "I don't know why I hate them". */
    private static final Set<String> CLAUSE = Set.of("that", "but", "because", "que", "qu", "mais", "car", "parce");
    private static final Set<String> ADDRESS = Set.of("you", "your", "youre", "u", "ur", "ya", "tu", "t", "te", "toi",
            "ton", "ta", "tes", "vous", "votre", "vos", "what", "such", "quel", "quelle", "espece", "bande");
    private static final Set<String> INTENT = Set.of("will", "ll", "gonna", "going", "should", "must", "deserve",
            "deserves", "need", "want", "vais", "va", "vont", "allons", "faut", "devrait", "devraient", "doivent",
            "merite", "meritent", "veux", "voudrais", "souhaite", "all", "tous", "toutes");
    private static final List<String> COUNTER = List.of(
            "saying", "say ", "said", "call them", "calling", "called", "words like", "statements like",
            "comments like", "things like", "like that", "is wrong", "not ok", "not okay", "unacceptable",
            "not acceptable", "ashamed", "stop ", "condemn", "report", "disgusting to", "no place for",
            "appeler", "appelle", "traiter", "traitent", "dire ", "disent", "dit ", "ecrire", "ecrivent",
            "des trucs comme", "des choses comme", "comme ca", "inacceptable", "intolerable", "pas tolerable",
            "pas acceptable", "honteux", "arrete", "arretez", "condamn", "denonc", "signal");

    public List<Label> classify(Text text) {
        List<String> tokens = text.tokens;
        List<String> threats = new ArrayList<>();
        boolean target = false;
        boolean intent = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            // "t" is French "te" (t'es) unless it ends an English negation (don't).
            target |= ADDRESS.contains(token)
                    && !(token.equals("t") && i > 0 && NEGATED_AUXILIARY.contains(tokens.get(i - 1)));
            target |= CommentFeatures.GROUPS.match(token) != null;
            intent |= INTENT.contains(token);
            String threat = THREAT.match(token);
            if (threat != null && !negated(tokens, i) && !threats.contains(threat)) {
                threats.add(threat);
            }
        }
        if (threats.isEmpty()) {
            return List.of();
        }
        double discount = isCounterSpeech(text.folded) ? 0.35 : hasQuotation(text.raw) ? 0.5 : 1.0;
        double score = target && intent ? 0.9 : target || intent ? 0.7 : 0.4;
        return List.of(new Label("threat", score * discount, threats));
    }

    private static boolean negated(List<String> tokens, int at) {
        for (int i = at - 1; i >= Math.max(0, at - 3); i--) {
            String before = tokens.get(i);
            if (CLAUSE.contains(before)) {
                return false;
            }
            if (NEGATORS.contains(before)) {
                return true;
            }
            if (before.equals("t") && i > 0 && NEGATED_AUXILIARY.contains(tokens.get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCounterSpeech(String folded) {
        for (String marker : COUNTER) {
            if (folded.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasQuotation(String raw) {
        int quotes = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"' || c == '«' || c == '»' || c == '“' || c == '”') {
                quotes++;
            }
        }
        return quotes >= 2;
    }
}
