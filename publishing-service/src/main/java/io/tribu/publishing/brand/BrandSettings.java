package io.tribu.publishing.brand;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Reads and changes a brand's settings; every read falls back to the defaults when the brand has no row. */
@ApplicationScoped
public class BrandSettings {

    private final Clock clock;

    public BrandSettings(Clock clock) {
        this.clock = clock;
    }

    /** Runs in the caller's session. */
    public Uni<BrandSetting> of(String tenant, String brandId) {
        return BrandSetting.<BrandSetting>find("tenant = ?1 and brandId = ?2", tenant, brandId).firstResult()
                .map(found -> found != null ? found : defaults(tenant, brandId));
    }

    @WithSession
    public Uni<BrandSetting> read(String tenant, String brandId) {
        return of(tenant, brandId);
    }

    /**
     * The zone a request works in: an explicit {@code tz} parameter, else the brand's, else Europe/Paris.
     * Runs in the caller's session.
     */
    public Uni<ZoneId> zone(String tenant, String brandId, String tzParam) {
        if (tzParam != null && !tzParam.isBlank()) {
            return Uni.createFrom().item(() -> zoneParam("tz", tzParam));
        }
        return of(tenant, brandId).map(setting -> ZoneId.of(setting.timezone));
    }

    @WithTransaction
    public Uni<BrandSetting> changeTimezone(String tenant, String brandId, String timezone) {
        ZoneId zone;
        try {
            zone = zoneParam("timezone", timezone);
        } catch (HttpProblem queryProblem) {
            throw Problems.invalidBody("timezone", "must be an IANA time zone such as Europe/Paris");
        }
        return of(tenant, brandId).chain(setting -> {
            setting.timezone = zone.getId();
            setting.updatedAt = clock.instant();
            return setting.persistAndFlush().replaceWith(setting);
        });
    }

    /** Runs in the caller's transaction. */
    public Uni<BrandSetting> changeFeedTokenHash(String tenant, String brandId, String hash) {
        return of(tenant, brandId).chain(setting -> {
            setting.feedTokenHash = hash;
            setting.updatedAt = clock.instant();
            return setting.persistAndFlush().replaceWith(setting);
        });
    }

    /** Runs in the caller's session; emits null when no brand has this feed token hash. */
    public Uni<BrandSetting> byFeedTokenHash(String hash) {
        return BrandSetting.<BrandSetting>find("feedTokenHash", hash).firstResult();
    }

    public static ZoneId zoneParam(String field, String value) {
        try {
            // Region ids only: a calendar cut by "+01:00" would be wrong half the year.
            ZoneId zone = ZoneId.of(value);
            if (zone.getId().startsWith("+") || zone.getId().startsWith("-")) {
                throw new DateTimeException("offset");
            }
            return zone;
        } catch (DateTimeException e) {
            throw Problems.invalidParameter(field, "must be an IANA time zone such as Europe/Paris");
        }
    }

    private static BrandSetting defaults(String tenant, String brandId) {
        BrandSetting setting = new BrandSetting();
        setting.tenant = tenant;
        setting.brandId = brandId;
        setting.timezone = BrandSetting.DEFAULT_TIMEZONE;
        return setting;
    }
}
