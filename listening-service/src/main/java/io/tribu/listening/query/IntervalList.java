package io.tribu.listening.query;

/** Where a {@link Span} occurs in a mention: word positions {@code [start, end]}, in the order they were found. */
final class IntervalList {

    static final IntervalList EMPTY = new IntervalList(0);

    private int[] starts;
    private int[] ends;
    private int size;

    IntervalList(int capacity) {
        starts = new int[capacity];
        ends = new int[capacity];
    }

    void add(int start, int end) {
        if (size == starts.length) {
            starts = java.util.Arrays.copyOf(starts, Math.max(4, size * 2));
            ends = java.util.Arrays.copyOf(ends, starts.length);
        }
        starts[size] = start;
        ends[size++] = end;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    int width(int i) {
        return ends[i] - starts[i] + 1;
    }
}
