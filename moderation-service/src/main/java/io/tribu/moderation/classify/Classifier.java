package io.tribu.moderation.classify;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every classifier on one comment, in process, in microseconds, no network call: the trained label model
 * (identity hate, toxicity, insult, spam; calibrated scores, the words that drove them as evidence), and rules for
 * the labels no training corpus covers (threat, scam, personal data, off-topic). Spam is also given by the rules
 * of {@link SpamClassifier}: the only spam corpus is SMS, whose model misses most comment spam (links to a
 * channel, "subscribe"); insult (and the toxicity of an insult) by the epithets of {@link InsultClassifier}: the
 * corpora do not label insults apart and hold few epithets aimed at a person; identity hate also by the
 * dehumanising words of {@link DehumanisationClassifier}. For these labels the stronger of the two scores is
 * kept, with its evidence.
 */
@ApplicationScoped
public class Classifier {

    private final LabelModel model = LabelModel.bundled();
    private final ThreatClassifier threat = new ThreatClassifier();
    private final InsultClassifier insultRules = new InsultClassifier();
    private final DehumanisationClassifier dehumanisation = new DehumanisationClassifier();
    private final SpamClassifier spamRules = new SpamClassifier();
    private final PersonalDataClassifier personalData = new PersonalDataClassifier();
    private final OffTopicClassifier offTopic = new OffTopicClassifier();

    /** @param topics the brand's topic keywords (may be empty: no off-topic label then) */
    public Classification classify(String raw, List<String> topics) {
        Text text = Text.of(raw);
        List<Label> labels = new ArrayList<>(model.classify(text));
        labels.addAll(threat.classify(text));
        labels.addAll(insultRules.classify(text));
        labels.addAll(dehumanisation.classify(text));
        labels.addAll(spamRules.classify(text));
        labels.addAll(personalData.classify(text.raw));
        labels.addAll(offTopic.classify(text, topics));
        return Classification.of(labels);
    }
}
