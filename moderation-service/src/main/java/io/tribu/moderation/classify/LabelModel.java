package io.tribu.moderation.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One logistic regression per label over {@link CommentFeatures}, each followed by a calibrated combination with
 * the label's rule score r ({@link ToxicityClassifier}, {@link SpamClassifier}): score = sigmoid(a * z + b + c * r),
 * z the regression's logit. a, b and c are fitted on a held-out part of the training corpora (stacking: Platt
 * scaling with the rule as a second input), so a score of 0.8 means that about 80 % of the held-out training
 * texts scored near 0.8 carried the label, and the rule weighs what it adds to the model on texts neither was
 * shaped on. Trained by {@code LabelModelTrainer} (test sources, {@code train/train.sh}) on the permissively
 * licensed corpora described in the module README; weights are read-only once loaded, so one instance serves
 * every thread.
 */
final class LabelModel {

    static final String RESOURCE = "classify/label-model.bin.gz";
    private static final int MAGIC = 0x54524d4c; // "TRML"
    private static final int VERSION = 2;
    /** Evidence: at most this many words, each having pushed the label's score up by at least MIN_PUSH (logit). */
    private static final int EVIDENCE = 4;
    private static final double MIN_PUSH = 0.15;

    private final List<String> labels;
    private final int bits;
    /** Per bucket, the labels' weights side by side. */
    private final float[] sparse;
    /** Per label, the dense weights. */
    private final double[][] dense;
    /** Per label, the combination's a, b and c. */
    private final double[][] combine;

    LabelModel(List<String> labels, int bits, float[] sparse, double[][] dense, double[][] combine) {
        if (sparse.length != labels.size() << bits || dense.length != labels.size() || combine.length != labels.size()) {
            throw new IllegalArgumentException("weights do not match " + labels.size() + " labels and " + bits + " bits");
        }
        this.labels = List.copyOf(labels);
        this.bits = bits;
        this.sparse = sparse;
        this.dense = dense;
        this.combine = combine;
    }

    int bits() {
        return bits;
    }

    List<String> labels() {
        return labels;
    }

    /** The shipped model. */
    static LabelModel bundled() {
        InputStream in = LabelModel.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        try (in) {
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + RESOURCE, e);
        }
    }

    /** The uncalibrated logit of one label. */
    double logit(int label, CommentFeatures f) {
        int width = labels.size();
        double z = 0;
        double[] w = dense[label];
        for (int d = 0; d < w.length; d++) {
            z += w[d] * f.dense()[d];
        }
        double sum = 0;
        int[] buckets = f.buckets();
        for (int k = 0; k < f.count(); k++) {
            sum += sparse[buckets[k] * width + label];
        }
        return z + sum * f.sparseValue();
    }

    /** The calibrated score of a label from the regression's logit and the rule's score (0 when no rule fired). */
    double calibrated(int label, double logit, double rule) {
        double[] c = combine[label];
        return 1 / (1 + Math.exp(-(c[0] * logit + c[1] + c[2] * rule)));
    }

    /**
     * Every label with its calibrated score; when present, its evidence: the rule's (matched words, rule names)
     * when the rule fired, then the words that pushed the model's logit up most.
     *
     * @param rules the rules' labels by name
     */
    List<Label> classify(Text text, java.util.Map<String, Label> rules) {
        CommentFeatures f = CommentFeatures.extract(text, bits);
        List<Label> out = new ArrayList<>(labels.size());
        for (int label = 0; label < labels.size(); label++) {
            Label rule = rules.get(labels.get(label));
            double score = calibrated(label, logit(label, f), rule == null ? 0 : rule.score());
            List<String> evidence = new ArrayList<>();
            if (score >= Classification.PRESENT) {
                if (rule != null) {
                    evidence.addAll(rule.evidence());
                }
                evidence(label, f, text).stream().filter(w -> !evidence.contains(w)).forEach(evidence::add);
            }
            out.add(new Label(labels.get(label), score, evidence));
        }
        return out;
    }

    private List<String> evidence(int label, CommentFeatures f, Text text) {
        double[] push = new double[text.tokens.size()];
        int width = labels.size();
        for (int k = 0; k < f.count(); k++) {
            int origin = f.origins()[k];
            if (origin >= 0) {
                push[origin] += sparse[f.buckets()[k] * width + label];
            }
        }
        double x = f.sparseValue() * combine[label][0];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < push.length; i++) {
            if (push[i] * x >= MIN_PUSH) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(i -> -push[i]));
        List<String> words = new ArrayList<>();
        for (int i : order) {
            String word = text.tokens.get(i);
            if (!words.contains(word)) {
                words.add(word);
            }
            if (words.size() == EVIDENCE) {
                break;
            }
        }
        return words;
    }

    /**
     * Writes the weights: a header, the label names, dense weights and the combination's a, b, c as floats, then the
     * sparse weights quantised to 16 bits against each label's largest magnitude, only for buckets where one
     * label's weight is not zero after rounding.
     */
    void write(OutputStream target) throws IOException {
        int width = labels.size();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(bits);
            out.writeInt(width);
            out.writeInt(CommentFeatures.DENSE);
            float[] step = new float[width];
            for (int label = 0; label < width; label++) {
                out.writeUTF(labels.get(label));
                for (double v : dense[label]) {
                    out.writeFloat((float) v);
                }
                for (double v : combine[label]) {
                    out.writeFloat((float) v);
                }
                float largest = 0;
                for (int b = 0; b < 1 << bits; b++) {
                    largest = Math.max(largest, Math.abs(sparse[b * width + label]));
                }
                step[label] = largest == 0 ? 1 : largest / Short.MAX_VALUE;
                out.writeFloat(step[label]);
            }
            // buckets as gaps from the previous kept one: small numbers, which gzip packs well
            int previous = 0;
            for (int b = 0; b < 1 << bits; b++) {
                boolean any = false;
                for (int label = 0; label < width && !any; label++) {
                    any = Math.round(sparse[b * width + label] / step[label]) != 0;
                }
                if (any) {
                    out.writeInt(b - previous);
                    previous = b;
                    for (int label = 0; label < width; label++) {
                        out.writeShort((short) Math.round(sparse[b * width + label] / step[label]));
                    }
                }
            }
            out.writeInt(-1);
        }
    }

    static LabelModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source)));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a Tribu label model, or another version");
        }
        int bits = in.readInt();
        int width = in.readInt();
        int denseCount = in.readInt();
        if (denseCount != CommentFeatures.DENSE || bits < 8 || bits > 24 || width < 1 || width > 16) {
            throw new IOException("model shape " + bits + "/" + width + "/" + denseCount + " does not match this code");
        }
        List<String> labels = new ArrayList<>();
        double[][] dense = new double[width][denseCount];
        double[][] combine = new double[width][3];
        float[] step = new float[width];
        for (int label = 0; label < width; label++) {
            labels.add(in.readUTF());
            for (int d = 0; d < denseCount; d++) {
                dense[label][d] = in.readFloat();
            }
            for (int k = 0; k < 3; k++) {
                combine[label][k] = in.readFloat();
            }
            step[label] = in.readFloat();
        }
        float[] sparse = new float[width << bits];
        int bucket = 0;
        for (int gap = in.readInt(); gap >= 0; gap = in.readInt()) {
            bucket += gap;
            for (int label = 0; label < width; label++) {
                sparse[bucket * width + label] = in.readShort() * step[label];
            }
        }
        return new LabelModel(labels, bits, sparse, dense, combine);
    }
}
