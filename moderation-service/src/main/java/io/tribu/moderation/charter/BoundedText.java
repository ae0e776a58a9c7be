package io.tribu.moderation.charter;

/**
 * Text for a brand-written regular expression that gives up after a deadline: a pattern with catastrophic
 * backtracking must not stall the inbox. The regex engine reads every character through charAt.
 */
final class BoundedText implements CharSequence {

    static final long BUDGET_NANOS = 20_000_000L;

    /** Thrown when the pattern ran out of time; the condition then counts as not matched. */
    static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("regular expression exceeded its time budget", null, false, false);
        }
    }

    private final CharSequence text;
    private final long deadline;
    private int reads;

    BoundedText(CharSequence text, long deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
        // Reading the clock on every character would cost more than the matching itself.
        if ((++reads & 0x3FF) == 0 && System.nanoTime() > deadline) {
            throw new TooSlow();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.subSequence(start, end), deadline);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
