package io.tribu.moderation.classify;

import java.util.List;
import java.util.Set;

/**
 * What the rules and the trained model's features read around a word, in French and English (folded tokens of
 * {@link Text}): negation scope, second person, intent, quotation and counter-speech. General vocabulary, not
 * taken from any data set.
 */
final class Cues {

    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "nobody", "none", "without",
            "neither", "nor", "ne", "n", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "personne", "plus");
    private static final Set<String> NEGATED_AUXILIARY = Set.of("don", "doesn", "didn", "isn", "aren", "wasn", "weren",
            "can", "couldn", "won", "wouldn", "shouldn", "haven", "hasn", "ain");
    /** A clause boundary ends the reach of a negation: "I don't know why I hate them". */
    private static final Set<String> CLAUSE = Set.of("that", "but", "because", "que", "qu", "mais", "car", "parce");
    private static final Set<String> SECOND_PERSON = Set.of("you", "your", "youre", "yours", "u", "ur", "ya", "tu",
            "te", "toi", "ton", "ta", "tes", "vous", "votre", "vos");
    /** Second person, and the words that aim an epithet at someone: "what a ...", "espèce de ...", "bande de ...". */
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

    private Cues() {
    }

    /** Whether the token at {@code at} is in the scope of a negation (three words back, up to a clause boundary). */
    static boolean negated(List<String> tokens, int at) {
        for (int i = at - 1; i >= Math.max(0, at - 3); i--) {
            String before = tokens.get(i);
            if (CLAUSE.contains(before)) {
                return false;
            }
            if (NEGATORS.contains(before)) {
                return true;
            }
            if (endsEnglishNegation(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    /** "you", "vous", "t'" (French "te", unless it ends "don't"). */
    static boolean secondPerson(List<String> tokens, int at) {
        return SECOND_PERSON.contains(tokens.get(at)) || (tokens.get(at).equals("t") && !endsEnglishNegation(tokens, at));
    }

    /** Second person, or the words that aim an epithet at someone ("what a", "espèce de", "bande de"). */
    static boolean addressed(List<String> tokens, int at) {
        return ADDRESS.contains(tokens.get(at)) && !endsEnglishNegation(tokens, at);
    }

    static boolean intent(String token) {
        return INTENT.contains(token);
    }

    /** The writer reports or opposes words rather than using them: "saying ... is unacceptable", "arrêtez de dire". */
    static boolean counterSpeech(String folded) {
        for (String marker : COUNTER) {
            if (folded.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    static boolean quoted(String raw) {
        int quotes = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"' || c == '«' || c == '»' || c == '“' || c == '”') {
                quotes++;
            }
        }
        return quotes >= 2;
    }

    /** The "t" of "don't", "can't": an English negation, not the French "t'". */
    private static boolean endsEnglishNegation(List<String> tokens, int at) {
        return tokens.get(at).equals("t") && at > 0 && NEGATED_AUXILIARY.contains(tokens.get(at - 1));
    }
}
