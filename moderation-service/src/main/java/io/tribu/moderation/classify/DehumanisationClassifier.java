package io.tribu.moderation.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Identity hate by dehumanisation, from a hand-written lexicon (general vocabulary of dehumanising speech, not
 * tuned to any data set): a protected group named ({@link CommentFeatures#GROUPS}) in a comment that calls people
 * vermin, animals, a disease, or not human. The training corpora hold few such words, and the group-named
 * harmless texts added to the training teach the model that naming a group is not hate, so the model alone
 * scores "Muslims are vermin" low; {@link Classifier} keeps the stronger of this rule's score and the model's.
 * 0.8 when it fires, lowered by quotation and counter-speech; a negated word does not count ("are not animals").
 * Evidence: the words of the comment naming the group and dehumanising it, folded.
 */
public final class DehumanisationClassifier {

    static final Lexicon DEHUMANISING = new Lexicon(List.of(
            "vermin", "rats", "parasite*", "cockroach*", "animals", "beasts", "subhuman*", "savages", "apes",
            "monkeys", "pigs", "scum", "filth", "plague", "disease", "cancer", "insects", "infestation",
            "vermine*", "cafards", "animaux", "betes", "sauvages", "singes", "porcs",
            "racaille*", "peste", "maladie", "fleau", "insectes", "chiens"));
    /** Negated, these say someone is less than a person: "are not human", "ne sont pas humains". */
    static final Lexicon HUMAN = new Lexicon(List.of("human", "humans", "humain", "humains", "humaines", "people",
            "personnes"));

    public List<Label> classify(Text text) {
        List<String> tokens = text.tokens;
        List<String> groups = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (CommentFeatures.GROUPS.match(token) != null && !groups.contains(token)) {
                groups.add(token);
            }
            boolean negated = Cues.negated(tokens, i);
            if ((negated ? HUMAN : DEHUMANISING).match(token) != null && !words.contains(token)) {
                words.add(token);
            }
        }
        if (groups.isEmpty() || words.isEmpty()) {
            return List.of();
        }
        double discount = Cues.counterSpeech(text.folded) ? 0.35 : Cues.quoted(text.raw) ? 0.5 : 1.0;
        List<String> evidence = new ArrayList<>(groups);
        evidence.addAll(words);
        return List.of(new Label("identity_hate", 0.8 * discount, evidence));
    }
}
