package io.tribu.publishing.calendar;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.publishing.brand.BrandSetting;
import io.tribu.publishing.brand.BrandSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The brand's iCalendar feed. Calendar apps cannot send a bearer token, so each brand may have one
 * secret feed token (256 random bits) carried in the URL; only its SHA-256 is stored, so a database
 * dump opens no feed. Issuing a new token revokes the previous one.
 */
@ApplicationScoped
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BrandSettings settings;
    private final CalendarService calendars;
    private final Clock clock;

    public CalendarFeeds(BrandSettings settings, CalendarService calendars, Clock clock) {
        this.settings = settings;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** A new feed token for the brand (the previous one stops working); only this answer ever holds it. */
    @WithTransaction
    public Uni<String> issueToken(String tenant, String brandId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return settings.changeFeedTokenHash(tenant, brandId, hash(token)).replaceWith(token);
    }

    @WithTransaction
    public Uni<Void> revokeToken(String tenant, String brandId) {
        return settings.changeFeedTokenHash(tenant, brandId, null).replaceWithVoid();
    }

    /** The feed for a bearer caller already checked against the brand. */
    @WithSession
    public Uni<String> feed(String tenant, String brandId, CalendarService.Query query) {
        return calendars.content(tenant, brandId, query).map(content -> IcsFeed.of(brandId, content, clock.instant()));
    }

    /** The feed opened by a feed token: the token names the tenant and must be this brand's, else 404. */
    @WithSession
    public Uni<String> feedWithToken(String brandId, String token, CalendarService.Query query) {
        return settings.byFeedTokenHash(hash(token))
                .onItem().ifNull().failWith(() -> NotFoundProblems.brand(brandId))
                .chain((BrandSetting setting) -> setting.brandId.equals(brandId)
                        ? calendars.content(setting.tenant, brandId, query)
                        .map(content -> IcsFeed.of(brandId, content, clock.instant()))
                        : Uni.createFrom().failure(NotFoundProblems.brand(brandId)));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
