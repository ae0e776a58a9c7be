package io.tribu.moderation.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A statement of reasons for one removal or restriction, with the elements the EU Digital Services Act
 * (article 17) asks of one: the restriction, the facts and circumstances, whether automated means detected
 * or decided it, the ground (here the brand's community charter: a contractual ground) and the redress.
 */
public record StatementOfReasons(UUID decisionId, UUID itemId, Instant decidedAt, String restriction,
                                 String restrictionDetail, String contentChannel, String contentKind,
                                 String contentUrl, Instant contentPublishedAt, String contentExcerpt, String facts,
                                 boolean automatedDetection, boolean automatedDecision, String ground,
                                 String groundExplanation, String redress, String networkOutcome, List<String> labels) {
}
