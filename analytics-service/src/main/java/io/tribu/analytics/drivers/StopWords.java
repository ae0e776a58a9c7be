package io.tribu.analytics.drivers;

import java.util.Set;

/**
 * French and English function words, accents already folded. Negations (pas, jamais, rien, not,
 * never, no...) are deliberately absent: they carry the sentiment the drivers look for.
 */
final class StopWords {

    private static final Set<String> WORDS = Set.copyOf(java.util.List.of(
            // French
            "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "et", "ou", "mais", "donc", "or", "car",
            "ce", "cet", "cette", "ces", "ca", "cela", "ceci", "celui", "celle", "ceux", "celles",
            "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "te", "se", "moi", "toi", "lui", "leur",
            "leurs", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos",
            "qui", "que", "quoi", "dont", "ou", "quand", "comme", "si", "en", "dans", "sur", "sous", "par", "pour",
            "avec", "chez", "vers", "entre", "sans", "avant", "apres", "depuis", "pendant",
            "est", "es", "suis", "sont", "sommes", "etes", "etait", "etaient", "ete", "etre", "ai", "as", "avons",
            "avez", "ont", "avait", "avaient", "eu", "avoir", "fait", "faire", "fais", "va", "vais", "vont",
            "tres", "plus", "moins", "aussi", "bien", "tout", "tous", "toute", "toutes", "meme", "encore", "deja",
            "ici", "la", "alors", "puis", "ainsi", "y", "qu", "quel", "quelle", "quels", "quelles", "ne",
            // English
            "the", "a", "an", "and", "or", "but", "so", "of", "to", "in", "on", "at", "by", "for", "with", "from",
            "about", "as", "into", "over", "after", "before", "than", "then", "this", "that", "these", "those",
            "it", "its", "i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her", "they",
            "them", "their", "is", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do",
            "does", "did", "will", "would", "can", "could", "should", "just", "very", "really", "also", "too",
            "there", "here", "what", "which", "who", "whom", "when", "where", "why", "how", "all", "any", "some",
            "again", "still", "ll", "ve", "re", "im", "rt", "via", "amp"));

    private StopWords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
