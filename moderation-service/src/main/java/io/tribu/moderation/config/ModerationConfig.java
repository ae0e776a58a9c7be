package io.tribu.moderation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Every {@code tribu.*} setting of moderation, with its default: the one place they are declared. Quarkus' own
 * settings ({@code quarkus.*}, {@code mp.messaging.*}) stay in application.properties; the README's configuration
 * table is written from this interface (ConfigurationTest).
 */
@ConfigMapping(prefix = "tribu")
public interface ModerationConfig {

    /** The service's database. */
    Db db();

    /** The topics moderation's events go to. */
    Topics topics();

    /** Brands' charters. */
    Charter charter();

    /** Response SLA. */
    Moderation moderation();

    /** People of the agency (assignees). */
    People people();

    /** Generic signed webhooks. */
    Webhooks webhooks();

    interface Db {
        /**
         * The database as {@code //host:port/name}, from {@code TRIBU_DB_HOST}, {@code TRIBU_DB_PORT} and
         * {@code TRIBU_DB_NAME}; both of Quarkus' datasource URLs are built from it.
         */
        String url();
    }

    interface Topics {
        /** Where {@code tribu.moderation.decision.recorded.v1} goes (also the outbox channel's default topic). */
        @WithDefault("tribu.moderation.decisions")
        String decisions();

        /** Where {@code tribu.moderation.sla.breached.v1} goes. */
        @WithDefault("tribu.moderation.sla")
        String sla();

        /** Where {@code tribu.moderation.action.requested.v1} goes (hide, delete, reply asked of publishing). */
        @WithDefault("tribu.moderation.actions")
        String actions();

        /** Where {@code tribu.moderation.link.requested.v1} goes (an Instagram comment's permalink asked of publishing). */
        @WithDefault("tribu.moderation.links")
        String links();
    }

    interface Charter {
        /** How soon a charter saved on another replica applies here (this replica applies its own saves at once). */
        @WithDefault("10s")
        Duration refresh();
    }

    interface Moderation {
        /** First-response target, in minutes, of brands that set none. */
        @WithDefault("60")
        int defaultFirstResponseSlaMinutes();

        /** How often overdue items are looked for. */
        @WithDefault("30s")
        Duration slaCheckInterval();
    }

    interface People {
        /** How often one replica writes down a caller it already recorded (their last call, roles and name). */
        @WithDefault("5m")
        Duration recordInterval();
    }

    interface Webhooks {
        /** How far a signed delivery's {@code X-Tribu-Timestamp} may be from now: an older one is a replay, refused. */
        @WithDefault("5m")
        Duration replayWindow();
    }
}
