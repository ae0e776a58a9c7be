package io.tribu.analytics.mention;

import io.tribu.platform.intake.IncomingEvent;

import java.util.List;
import java.util.UUID;

/** One of listening's events on a mention's life (recorded, updated, withdrawn), as the ledger folds it. */
public interface MentionLifecycleEvent extends IncomingEvent {

    String tenant();

    String brandId();

    UUID mentionId();

    /** The listening queries it names (their latest names label the breakdowns), none when it names none. */
    List<MentionRecordedReader.MatchedQuery> matchedQueries();

    /** The mention's state once this event is applied to {@code fact}, whatever came before it. */
    MentionFact applyTo(MentionFact fact);
}
