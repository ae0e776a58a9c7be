package io.tribu.moderation.classify;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every classifier on one comment, in process, in microseconds, no network call. The rules
 * ({@link ToxicityClassifier}, {@link SpamClassifier}) score every label they know; for the labels the trained
 * model holds, its calibrated combination of the model and the rule replaces the rule's score (see
 * {@link LabelModel}), never below the rules' scores listed in {@link #AT_LEAST}; the other labels (identity hate,
 * threat, spam, scam, personal data, off-topic) keep the rules' scores.
 */
@ApplicationScoped
public class Classifier {

    private final LabelModel model = LabelModel.bundled();
    /**
     * Per model label, the rules' labels whose scores it is at least, whatever the model says: hate, a threat and an
     * insult aimed at someone are toxic; an epithet aimed at someone ("you are such an idiot") is an insult. The
     * training corpora hold few such epithets aimed at a person, and their second-person texts are mostly friendly:
     * alone, the combination scores "You are such an idiot" 0.15.
     */
    static final Map<String, List<String>> AT_LEAST = Map.of(
            "toxicity", List.of("identity_hate", "threat", "insult"),
            "insult", List.of("insult"));

    /** The rule classifiers hold no state: one of each serves every caller, the trainer included. */
    private static final ToxicityClassifier TOXICITY = new ToxicityClassifier();
    private static final SpamClassifier SPAM = new SpamClassifier();

    private final PersonalDataClassifier personalData = new PersonalDataClassifier();
    private final OffTopicClassifier offTopic = new OffTopicClassifier();

    /** @param topics the brand's topic keywords (may be empty: no off-topic label then) */
    public Classification classify(String raw, List<String> topics) {
        Text text = Text.of(raw);
        Map<String, Label> rules = rules(text);
        List<Label> labels = new ArrayList<>(model.classify(text, rules));
        rules.values().stream().filter(l -> !model.labels().contains(l.name())).forEach(labels::add);
        // a floor: the label's score is at least these rules' (Classification keeps the strongest)
        AT_LEAST.forEach((name, floors) -> floors.stream().map(rules::get).filter(java.util.Objects::nonNull)
                .forEach(l -> labels.add(new Label(name, l.score(), l.evidence()))));
        labels.addAll(personalData.classify(text.raw));
        labels.addAll(offTopic.classify(text, topics));
        return Classification.of(labels);
    }

    /** The rules' labels by name: the inputs the model's combination reads. */
    static Map<String, Label> rules(Text text) {
        Map<String, Label> byName = new LinkedHashMap<>();
        for (Label label : TOXICITY.classify(text)) {
            byName.put(label.name(), label);
        }
        for (Label label : SPAM.classify(text)) {
            byName.put(label.name(), label);
        }
        return byName;
    }
}
