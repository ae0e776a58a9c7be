package io.tribu.listening.enrich;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Multinomial logistic regression over {@link SentimentFeatures}: three classes in {@link SentimentLabel}
 * order. Weights are read-only once built, so an instance is shared by all threads. Trained by
 * {@code SentimentModelTrainer} (test sources) from the shared development sets; see docs/enrichment.md.
 */
final class SentimentModel {

    static final String RESOURCE = "enrich/sentiment-model.bin.gz";
    static final int CLASSES = 3;

    private static final int MAGIC = 0x54524253; // "TRBS"
    private static final int VERSION = 1;

    private final int bits;
    /** Per bucket, its three class weights side by side. */
    private final float[] sparse;
    /** Per class, the dense weights. */
    private final double[][] dense;

    SentimentModel(int bits, float[] sparse, double[][] dense) {
        if (sparse.length != CLASSES << bits || dense.length != CLASSES) {
            throw new IllegalArgumentException("weights do not match " + bits + " bits and " + CLASSES + " classes");
        }
        this.bits = bits;
        this.sparse = sparse;
        this.dense = dense;
    }

    int bits() {
        return bits;
    }

    /** The shipped model, if the resource is on the class path. */
    static Optional<SentimentModel> bundled() {
        InputStream in = SentimentModel.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            return Optional.empty();
        }
        try (in) {
            return Optional.of(read(in));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + RESOURCE, e);
        }
    }

    double[] probabilities(SentimentFeatures f) {
        double[] z = new double[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            double s = 0;
            double[] w = dense[c];
            for (int d = 0; d < w.length; d++) {
                s += w[d] * f.dense()[d];
            }
            z[c] = s;
        }
        int[] buckets = f.buckets();
        double x = f.sparseValue();
        double z0 = 0;
        double z1 = 0;
        double z2 = 0;
        for (int k = 0; k < f.count(); k++) {
            int at = buckets[k] * CLASSES;
            z0 += sparse[at];
            z1 += sparse[at + 1];
            z2 += sparse[at + 2];
        }
        z[0] += z0 * x;
        z[1] += z1 * x;
        z[2] += z2 * x;
        return softmax(z);
    }

    static double[] softmax(double[] z) {
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /**
     * Writes the weights: a header, the dense weights as floats, then the sparse weights quantised to 16 bits
     * against their largest magnitude, only for buckets where one of the three is not zero after rounding.
     */
    void write(OutputStream target) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(bits);
            out.writeInt(CLASSES);
            out.writeInt(dense[0].length);
            for (double[] w : dense) {
                for (double v : w) {
                    out.writeFloat((float) v);
                }
            }
            float largest = 0;
            for (float w : sparse) {
                largest = Math.max(largest, Math.abs(w));
            }
            float step = largest == 0 ? 1 : largest / Short.MAX_VALUE;
            out.writeFloat(step);
            int kept = 0;
            for (int b = 0; b < 1 << bits; b++) {
                if (quantised(b, step) != null) {
                    kept++;
                }
            }
            out.writeInt(kept);
            for (int b = 0; b < 1 << bits; b++) {
                short[] q = quantised(b, step);
                if (q != null) {
                    out.writeInt(b);
                    for (short v : q) {
                        out.writeShort(v);
                    }
                }
            }
        }
    }

    private short[] quantised(int bucket, float step) {
        short[] q = new short[CLASSES];
        boolean any = false;
        for (int c = 0; c < CLASSES; c++) {
            q[c] = (short) Math.round(sparse[bucket * CLASSES + c] / step);
            any |= q[c] != 0;
        }
        return any ? q : null;
    }

    static SentimentModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source)));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a Tribu sentiment model, or another version");
        }
        int bits = in.readInt();
        int classes = in.readInt();
        int denseCount = in.readInt();
        if (classes != CLASSES || denseCount != SentimentFeatures.DENSE || bits < 8 || bits > 24) {
            throw new IOException("model shape " + bits + "/" + classes + "/" + denseCount + " does not match this code");
        }
        double[][] dense = new double[CLASSES][denseCount];
        for (double[] w : dense) {
            for (int d = 0; d < denseCount; d++) {
                w[d] = in.readFloat();
            }
        }
        float step = in.readFloat();
        float[] sparse = new float[CLASSES << bits];
        int kept = in.readInt();
        for (int k = 0; k < kept; k++) {
            int at = in.readInt() * CLASSES;
            for (int c = 0; c < CLASSES; c++) {
                sparse[at + c] = in.readShort() * step;
            }
        }
        return new SentimentModel(bits, sparse, dense);
    }
}
