package io.tribu.analytics.mention;

import java.time.Instant;
import java.util.UUID;

/**
 * A mention's state in analytics' ledger ({@code mention_fact}): what the measures counted of it, so that an edit or
 * a withdrawal takes exactly that back out. Listening's events on one mention may come in any order and more than
 * once (at-least-once delivery, outbox relays side by side); folding them into this state gives the same result
 * whatever the order:
 * <ul>
 *   <li>a withdrawal is final: the mention is never counted again, whatever comes later (a withdrawal before the
 *       recording leaves a tombstone that the recording then finds);</li>
 *   <li>the content is the latest edit ({@code editedAt}), else the recorded one: an older edit changes nothing;</li>
 *   <li>author and audience come with {@code mention.recorded} only, so a mention is counted once that came: an edit
 *       heard first waits for it (with its text, for the sample);</li>
 *   <li>a second recording of the same mention (another event id) changes nothing.</li>
 * </ul>
 *
 * @param content null when nothing was heard of it yet, and once withdrawn
 */
public record MentionFact(String tenant, String brandId, UUID mentionId, boolean recorded, boolean withdrawn,
                          Instant editedAt, MentionContent content, String author, long reach) {

    static MentionFact unknown(String tenant, String brandId, UUID mentionId) {
        return new MentionFact(tenant, brandId, mentionId, false, false, null, null, null, 0);
    }

    /** Whether the measures count it. */
    public boolean counted() {
        return recorded && !withdrawn && content != null;
    }

    MentionFact afterRecording(MentionContent recorded, String recordedAuthor, long recordedReach) {
        if (withdrawn || this.recorded) {
            return this;
        }
        return new MentionFact(tenant, brandId, mentionId, true, false, editedAt, content == null ? recorded : content,
                recordedAuthor, recordedReach);
    }

    MentionFact afterEdit(MentionContent edited, Instant at) {
        if (withdrawn || (editedAt != null && !at.isAfter(editedAt))) {
            return this;
        }
        return new MentionFact(tenant, brandId, mentionId, recorded, false, at, edited, author, reach);
    }

    MentionFact afterWithdrawal() {
        return withdrawn ? this : new MentionFact(tenant, brandId, mentionId, recorded, true, editedAt, null, null, 0);
    }
}
