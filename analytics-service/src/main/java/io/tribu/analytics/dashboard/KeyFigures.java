package io.tribu.analytics.dashboard;

import io.tribu.analytics.engagement.EngagementFigures;
import io.tribu.analytics.moderation.ResponseTimes;
import io.tribu.analytics.sentiment.SentimentCounts;
import io.tribu.analytics.voice.ShareOfVoiceService;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The headline figures of one period, as the dashboard compares them with the period just before.
 *
 * @param shareOfVoice the brand's share of all parties' mentions, null when no party was mentioned
 */
public record KeyFigures(Instant from, Instant to, long mentions, long reach, long positive, long neutral, long negative,
                         long unscored, Double net, Double shareOfVoice, long answered, Double medianResponseSeconds,
                         Double withinSlaShare, long decisions, long posts, long engagement, Double engagementRate) {

    static KeyFigures of(Instant from, Instant to, SentimentCounts mentions, List<ShareOfVoiceService.Voice> voices,
                         ResponseTimes responses, Map<String, Long> decisions, EngagementFigures posts) {
        long allParties = voices.stream().mapToLong(ShareOfVoiceService.Voice::mentions).sum();
        Double share = allParties == 0 ? null : voices.stream().filter(voice -> "brand".equals(voice.party()))
                .mapToDouble(ShareOfVoiceService.Voice::share).sum();
        return new KeyFigures(from, to, mentions.mentions(), mentions.reach(), mentions.positive(), mentions.neutral(),
                mentions.negative(), mentions.unscored(), mentions.net(), share, responses.answered(),
                responses.medianSeconds(), responses.withinSlaShare(),
                decisions.values().stream().mapToLong(Long::longValue).sum(), posts.posts(), posts.engagement(),
                posts.engagementRate());
    }
}
