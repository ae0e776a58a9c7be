package io.tribu.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Every {@code tribu.*} setting of analytics, with its default: the one place they are declared. Quarkus' own
 * settings ({@code quarkus.*}, {@code mp.messaging.*}) stay in application.properties; the README's configuration
 * table is written from this interface (ConfigurationTest).
 */
@ConfigMapping(prefix = "tribu")
public interface AnalyticsConfig {

    /** The service's database. */
    Db db();

    /** Crisis detection and its alerts. */
    Crisis crisis();

    /** The sample of mention texts behind drivers, crises and the report's examples. */
    MentionTexts mentionTexts();

    /** The per-day term counts of the drivers. */
    MentionTerms mentionTerms();

    /** Sentiment drivers. */
    Drivers drivers();

    /** Best time to post. */
    BestTime bestTime();

    interface Db {
        /**
         * The database as {@code //host:port/name}, from {@code TRIBU_DB_HOST}, {@code TRIBU_DB_PORT} and
         * {@code TRIBU_DB_NAME}; both of Quarkus' datasource URLs are built from it.
         */
        String url();
    }

    interface Crisis {
        /** How often the brands heard from in the last 2 hours are checked for a crisis over the last 24 hours. */
        @WithDefault("5m")
        Duration checkInterval();

        /**
         * How many spreads above its usual level an hour must be to be anomalous: standard deviations of the same
         * hour and weekday's volume, binomial standard errors of the negative share (as the crisis endpoint's
         * {@code sensitivity}).
         */
        @WithDefault("4")
        double sensitivity();

        /** Fewest mentions (negative ones for the negative share) an anomalous hour must reach. */
        @WithDefault("10")
        long minimumMentions();
    }

    interface MentionTexts {
        /** Texts kept per brand, hour and sentiment label: those with the largest audience. */
        @WithDefault("20")
        int perHour();

        /** Days the sampled texts (and their terms) are kept. */
        @WithDefault("400")
        int retentionDays();
    }

    interface MentionTerms {
        /** How often the term counts intake adds are folded into one row per brand and day. */
        @WithDefault("1m")
        Duration packInterval();
    }

    interface Drivers {
        /**
         * How many of the period's loudest texts the drivers' examples read first, in index order; a term they hold
         * fewer than 3 times reads the whole period sorted (same examples, slower).
         */
        @WithDefault("2000")
        int examplesRankedFirst();
    }

    interface BestTime {
        /** A day and hour cell with fewer published posts is padded with the channel's (else brand's) average. */
        @WithDefault("3")
        int minimumPosts();

        /** Days of published posts the best slots are read from. */
        @WithDefault("90")
        int historyDays();
    }
}
