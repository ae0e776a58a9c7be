package io.tribu.moderation.classify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * Off-topic relative to the brand, kept deliberately simple and explainable: the brand lists its
 * topic keywords (products, services, brand names; folded, "*" for stems). A comment of at least
 * {@value #MIN_WORDS} words that mentions none of them and does not address the brand is off-topic.
 * Without keywords nothing is said (no label).
 */
public final class OffTopicClassifier {

    static final int MIN_WORDS = 6;
    private static final Set<String> ADDRESSING = Set.of("you", "your", "vous", "votre", "vos", "tu", "ton", "ta",
            "merci", "thanks", "thank", "service", "order", "commande", "produit", "product", "delivery", "livraison");

    /** One lexicon per brand topic list: built once, not per comment. */
    private final Map<List<String>, Lexicon> lexicons = new ConcurrentHashMap<>();

    public List<Label> classify(Text text, List<String> topics) {
        if (topics == null || topics.isEmpty() || text.tokens.size() < MIN_WORDS) {
            return List.of();
        }
        Lexicon lexicon = lexicons.computeIfAbsent(topics, Lexicon::new);
        for (String token : text.tokens) {
            String hit = lexicon.match(token);
            if (hit != null) {
                return List.of();
            }
        }
        boolean addressed = text.tokens.stream().anyMatch(ADDRESSING::contains);
        return List.of(new Label("off_topic", addressed ? 0.4 : 0.7, List.of("no brand topic among " + text.tokens.size() + " words")));
    }
}
