package io.tribu.listening.enrich;

import java.util.Map;
import java.util.Set;

/**
 * The closed word classes the sentiment rules need for one language: negation, intensity and contrast
 * markers. Keys are {@link Token#key()} forms (lower case, no accents).
 *
 * @param negators           words that negate the next few words on their own ("not", "pas", "jamais", "sans")
 * @param negatorsAfterNe    words that negate only after a "ne"/"n'" in the same clause ("plus", "personne")
 * @param negationParticles  the particle that opens a split negation ("ne", "n'"), empty in English
 * @param negatesPrecedingWord whether a bare negator also negates the word just before it, as in colloquial
 *                           French "j'aime pas"
 * @param boosters           intensity multipliers of the word that follows: above 1 intensifies, below 1 softens;
 *                           two-word keys ("un peu") are joined by a space
 * @param contrast           words after which the clause counts more than what came before ("but", "mais")
 */
record SentimentRules(Set<String> negators, Set<String> negatorsAfterNe, Set<String> negationParticles,
                      boolean negatesPrecedingWord, Map<String, Double> boosters, Set<String> contrast) {

    static SentimentRules english() {
        return new SentimentRules(
                Set.of("not", "no", "never", "nothing", "nobody", "none", "nowhere", "neither", "nor", "without",
                        "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont",
                        "wouldnt", "couldnt", "shouldnt", "aint", "havent", "hasnt", "hadnt", "mustnt", "neednt",
                        "darent", "hardly", "barely", "rarely", "seldom", "nt"),
                Set.of(),
                Set.of(),
                false,
                Map.ofEntries(
                        Map.entry("very", 1.3), Map.entry("really", 1.3), Map.entry("so", 1.25), Map.entry("too", 1.2),
                        Map.entry("extremely", 1.4), Map.entry("incredibly", 1.4), Map.entry("absolutely", 1.4),
                        Map.entry("totally", 1.35), Map.entry("completely", 1.35), Map.entry("utterly", 1.4),
                        Map.entry("super", 1.35), Map.entry("highly", 1.3), Map.entry("hugely", 1.3),
                        Map.entry("truly", 1.3), Map.entry("deeply", 1.3), Map.entry("most", 1.25),
                        Map.entry("such", 1.2), Map.entry("especially", 1.25), Map.entry("particularly", 1.2),
                        Map.entry("fucking", 1.4), Map.entry("freaking", 1.35), Map.entry("damn", 1.3),
                        Map.entry("insanely", 1.4), Map.entry("exceptionally", 1.35), Map.entry("remarkably", 1.3),
                        Map.entry("quite", 1.1), Map.entry("pretty", 1.1), Map.entry("more", 1.1),
                        Map.entry("slightly", 0.6), Map.entry("somewhat", 0.7), Map.entry("kinda", 0.7),
                        Map.entry("sorta", 0.7), Map.entry("kind of", 0.7), Map.entry("sort of", 0.7),
                        Map.entry("a bit", 0.7), Map.entry("a little", 0.7), Map.entry("marginally", 0.6),
                        Map.entry("partly", 0.7), Map.entry("less", 0.6), Map.entry("almost", 0.8),
                        Map.entry("fairly", 0.9)),
                Set.of("but", "however", "though", "although", "yet", "nevertheless", "nonetheless"));
    }

    static SentimentRules french() {
        return new SentimentRules(
                Set.of("pas", "jamais", "rien", "guere", "aucun", "aucune", "sans", "ni", "nullement"),
                Set.of("plus", "personne", "point"),
                Set.of("ne", "n'"),
                true,
                Map.ofEntries(
                        Map.entry("tres", 1.3), Map.entry("trop", 1.3), Map.entry("vraiment", 1.3),
                        Map.entry("tellement", 1.35), Map.entry("tant", 1.2), Map.entry("si", 1.2),
                        Map.entry("super", 1.35), Map.entry("hyper", 1.35), Map.entry("ultra", 1.35),
                        Map.entry("mega", 1.35), Map.entry("archi", 1.35), Map.entry("extremement", 1.4),
                        Map.entry("completement", 1.35), Map.entry("totalement", 1.35), Map.entry("absolument", 1.4),
                        Map.entry("carrement", 1.35), Map.entry("grave", 1.3), Map.entry("vachement", 1.35),
                        Map.entry("enormement", 1.35), Map.entry("particulierement", 1.25),
                        Map.entry("franchement", 1.2), Map.entry("sacrement", 1.3), Map.entry("vraiment tres", 1.4),
                        Map.entry("bien", 1.15), Map.entry("plus", 1.1), Map.entry("tout", 1.1),
                        Map.entry("profondement", 1.3), Map.entry("terriblement", 1.35), Map.entry("incroyablement", 1.4),
                        Map.entry("du tout", 1.2),
                        Map.entry("un peu", 0.7), Map.entry("peu", 0.4), Map.entry("assez", 0.9),
                        Map.entry("plutot", 0.9), Map.entry("legerement", 0.6), Map.entry("moyennement", 0.4),
                        Map.entry("presque", 0.8), Map.entry("moins", 0.6), Map.entry("relativement", 0.8)),
                Set.of("mais", "cependant", "pourtant", "toutefois", "neanmoins", "sauf", "quoique"));
    }
}
