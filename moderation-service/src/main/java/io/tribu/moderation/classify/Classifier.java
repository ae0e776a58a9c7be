package io.tribu.moderation.classify;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Runs every classifier on one comment, in process, in microseconds: no model, no network call. */
@ApplicationScoped
public class Classifier {

    private final ToxicityClassifier toxicity = new ToxicityClassifier();
    private final SpamClassifier spam = new SpamClassifier();
    private final PersonalDataClassifier personalData = new PersonalDataClassifier();
    private final OffTopicClassifier offTopic = new OffTopicClassifier();

    /** @param topics the brand's topic keywords (may be empty: no off-topic label then) */
    public Classification classify(String raw, List<String> topics) {
        Text text = Text.of(raw);
        List<Label> labels = new ArrayList<>(toxicity.classify(text));
        labels.addAll(spam.classify(text));
        labels.addAll(personalData.classify(text.raw));
        labels.addAll(offTopic.classify(text, topics));
        return Classification.of(labels);
    }
}
