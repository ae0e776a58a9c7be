package io.tribu.analytics.dashboard;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.author.AuthorService;
import io.tribu.analytics.author.AuthorsView;
import io.tribu.analytics.besttime.BestTimeService;
import io.tribu.analytics.brand.BrandNameService;
import io.tribu.analytics.crisis.CrisisDetector;
import io.tribu.analytics.crisis.CrisisService;
import io.tribu.analytics.crisis.CrisisView;
import io.tribu.analytics.drivers.DriversService;
import io.tribu.analytics.drivers.DriversView;
import io.tribu.analytics.engagement.EngagementBreakdownView;
import io.tribu.analytics.engagement.EngagementSeriesView;
import io.tribu.analytics.engagement.PostEngagementService;
import io.tribu.analytics.engagement.PostEngagementView;
import io.tribu.analytics.moderation.ModerationMeasures;
import io.tribu.analytics.period.Bucketing;
import io.tribu.analytics.period.ReportingPeriod;
import io.tribu.analytics.review.ReviewRatings;
import io.tribu.analytics.sentiment.SentimentCounts;
import io.tribu.analytics.sentiment.SentimentService;
import io.tribu.analytics.sentiment.SentimentView;
import io.tribu.analytics.voice.ShareOfVoiceService;
import io.tribu.analytics.voice.ShareOfVoiceView;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers the brand's dashboard: the sections of the separate measures, and the comparison with the previous period. */
@ApplicationScoped
public class DashboardService {

    /** The lists' lengths: what one screen shows; the section's own endpoint gives more. */
    static final int DRIVERS = 10;
    static final int AUTHORS = 10;
    static final int TOP_POSTS = 10;
    static final double CRISIS_SENSITIVITY = 4;
    static final long CRISIS_MINIMUM_MENTIONS = 10;

    private final SentimentService sentiments;
    private final CrisisService crises;
    private final ShareOfVoiceService voices;
    private final DriversService drivers;
    private final AuthorService authors;
    private final ModerationMeasures moderation;
    private final PostEngagementService engagement;
    private final BestTimeService bestTime;
    private final BrandNameService names;
    private final ReviewRatings ratings;

    public DashboardService(SentimentService sentiments, CrisisService crises, ShareOfVoiceService voices,
                            DriversService drivers, AuthorService authors, ModerationMeasures moderation,
                            PostEngagementService engagement, BestTimeService bestTime, BrandNameService names,
                            ReviewRatings ratings) {
        this.sentiments = sentiments;
        this.crises = crises;
        this.voices = voices;
        this.drivers = drivers;
        this.authors = authors;
        this.moderation = moderation;
        this.engagement = engagement;
        this.bestTime = bestTime;
        this.names = names;
        this.ratings = ratings;
    }

    /** The previous period: the same length, ending where this one starts. */
    static ReportingPeriod previous(ReportingPeriod period) {
        Duration length = Duration.between(period.from(), period.to());
        return new ReportingPeriod(period.from().minus(length), period.from());
    }

    // The measures run one after the other: they share the request's database session, which takes one statement at
    // a time.
    public Uni<DashboardView> dashboard(String tenant, String brandId, ReportingPeriod period,
                                        Bucketing bucketing, Duration sla) {
        ReportingPeriod before = previous(period);
        Sections sections = new Sections();
        return names.displayName(tenant, brandId).invoke(name -> sections.brandName = name)
                .chain(() -> sentiments.series(tenant, brandId, period, bucketing)).invoke(buckets ->
                        sections.sentiment = new SentimentView(brandId, period.from(), period.to(), bucketing.unit(),
                                bucketing.zone().getId(), total(buckets.stream().map(SentimentService.Bucket::counts).toList()),
                                buckets))
                .chain(() -> crises.assess(tenant, brandId, period, CRISIS_SENSITIVITY, CRISIS_MINIMUM_MENTIONS))
                .invoke(found -> sections.crises = new CrisisView(brandId, period.from(), period.to(), CRISIS_SENSITIVITY,
                        CRISIS_MINIMUM_MENTIONS, CrisisDetector.BASELINE_WEEKS, found.volume(), found.negativeShare()))
                .chain(() -> voices.voices(tenant, brandId, sections.brandName, period))
                .invoke(list -> sections.voices = new ShareOfVoiceView(brandId, period.from(), period.to(), list))
                .chain(() -> drivers.drivers(tenant, brandId, period, DRIVERS))
                .invoke(found -> sections.drivers = new DriversView(brandId, period.from(), period.to(),
                        found.negativeMentions(), found.positiveMentions(), found.negative(), found.positive(),
                        found.insufficientData()))
                .chain(() -> authors.rankings(tenant, brandId, period, AUTHORS))
                .invoke(found -> sections.authors = new AuthorsView(brandId, period.from(), period.to(),
                        found.ambassadors(), found.detractors(), found.influencers()))
                .chain(() -> moderation.responseTimes(tenant, brandId, period, sla)).invoke(times -> sections.responseTimes = times)
                .chain(() -> moderation.responseTimesByChannel(tenant, brandId, period, sla))
                .invoke(channels -> sections.responseTimesByChannel = channels)
                .chain(() -> moderation.decisionsByAction(tenant, brandId, period)).invoke(map -> sections.decisions = map)
                .chain(() -> engagement.series(tenant, brandId, period, null, bucketing))
                .invoke(series -> sections.engagement = new EngagementSeriesView(brandId, period.from(), period.to(), null,
                        bucketing.unit(), bucketing.zone().getId(), series.total(), series.buckets()))
                .chain(() -> engagement.breakdown(tenant, brandId, period, null, PostEngagementService.Dimension.CHANNEL))
                .invoke(slices -> sections.byChannel = new EngagementBreakdownView(brandId, period.from(), period.to(),
                        null, "channel", slices))
                .chain(() -> engagement.breakdown(tenant, brandId, period, null, PostEngagementService.Dimension.CONTENT_TYPE))
                .invoke(slices -> sections.byContentType = new EngagementBreakdownView(brandId, period.from(),
                        period.to(), null, "contentType", slices))
                .chain(() -> engagement.breakdown(tenant, brandId, period, null, PostEngagementService.Dimension.TAG))
                .invoke(slices -> sections.byTag = new EngagementBreakdownView(brandId, period.from(), period.to(), null,
                        "tag", slices))
                .chain(() -> engagement.posts(tenant, brandId, period, null, TOP_POSTS))
                .invoke(posts -> sections.topPosts = new PostEngagementView(brandId, period.from(), period.to(), null, posts))
                .chain(() -> bestTime.heatmap(tenant, brandId, period, null, bucketing.zone()))
                .invoke(heatmap -> sections.bestTime = heatmap)
                .chain(() -> ratings.view(tenant, brandId, period, bucketing)).invoke(view -> sections.reviewRatings = view)
                .chain(() -> previousFigures(tenant, brandId, before, bucketing, sla, sections.brandName))
                .map(previous -> sections.view(brandId, period, bucketing, sla, previous));
    }

    private Uni<KeyFigures> previousFigures(String tenant, String brandId, ReportingPeriod before, Bucketing bucketing,
                                            Duration sla, String brandName) {
        return sentiments.breakdown(tenant, brandId, before, SentimentService.Dimension.LANGUAGE)
                .chain(languages -> voices.voices(tenant, brandId, brandName, before)
                .chain(list -> moderation.responseTimes(tenant, brandId, before, sla)
                .chain(times -> moderation.decisionsByAction(tenant, brandId, before)
                .chain(decisions -> engagement.series(tenant, brandId, before, null, new Bucketing("week", bucketing.zone()))
                .map(posts -> KeyFigures.of(before.from(), before.to(),
                        total(languages.stream().map(SentimentService.Slice::counts).toList()), list, times, decisions,
                        posts.total()))))));
    }

    private static SentimentCounts total(List<SentimentCounts> parts) {
        long reach = 0;
        long positive = 0;
        long neutral = 0;
        long negative = 0;
        long unscored = 0;
        for (SentimentCounts counts : parts) {
            reach += counts.reach();
            positive += counts.positive();
            neutral += counts.neutral();
            negative += counts.negative();
            unscored += counts.unscored();
        }
        return SentimentCounts.of(reach, positive, neutral, negative, unscored);
    }

    /** The sections as they arrive, one measure after the other. */
    private static final class Sections {
        String brandName;
        SentimentView sentiment;
        CrisisView crises;
        ShareOfVoiceView voices;
        DriversView drivers;
        AuthorsView authors;
        io.tribu.analytics.moderation.ResponseTimes responseTimes;
        io.tribu.analytics.moderation.ResponseTimesBreakdownView responseTimesByChannel;
        Map<String, Long> decisions;
        EngagementSeriesView engagement;
        EngagementBreakdownView byChannel;
        EngagementBreakdownView byContentType;
        EngagementBreakdownView byTag;
        PostEngagementView topPosts;
        io.tribu.analytics.besttime.HeatmapView bestTime;
        io.tribu.analytics.review.ReviewRatingsView reviewRatings;

        DashboardView view(String brandId, ReportingPeriod period, Bucketing bucketing, Duration sla, KeyFigures previous) {
            KeyFigures current = KeyFigures.of(period.from(), period.to(), sentiment.total(), voices.voices(),
                    responseTimes, decisions, engagement.total());
            return new DashboardView(brandId, brandName, period.from(), period.to(), bucketing.zone().getId(),
                    bucketing.unit(), current, previous, sentiment, crises, voices, drivers, authors, responseTimes,
                    responseTimesByChannel, decisions, engagement, byChannel, byContentType, byTag, topPosts, bestTime,
                    reviewRatings, csvLinks(brandId, period, bucketing, sla));
        }
    }

    /** Each section's own endpoint, for this period, as CSV. */
    static Map<String, String> csvLinks(String brandId, ReportingPeriod period, Bucketing bucketing, Duration sla) {
        String brand = "/brands/" + encode(brandId);
        String when = "from=" + encode(period.from().toString()) + "&to=" + encode(period.to().toString());
        String zone = "&tz=" + encode(bucketing.zone().getId());
        String series = when + "&granularity=" + bucketing.unit() + zone;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("comparison", brand + "/dashboard?" + series + "&slaMinutes=" + sla.toMinutes() + "&format=csv");
        links.put("sentiment", brand + "/sentiment?" + series + "&format=csv");
        links.put("crises", brand + "/crisis?" + when + "&format=csv");
        links.put("shareOfVoice", brand + "/share-of-voice?" + when + "&format=csv");
        links.put("drivers", brand + "/sentiment/drivers?" + when + "&limit=" + DRIVERS + "&format=csv");
        links.put("authors", brand + "/authors?" + when + "&limit=" + AUTHORS + "&format=csv");
        links.put("responseTimes", brand + "/moderation/response-times?" + when + "&slaMinutes=" + sla.toMinutes()
                + "&format=csv");
        links.put("responseTimesByChannel", brand + "/moderation/response-times/breakdown?by=channel&" + when
                + "&slaMinutes=" + sla.toMinutes() + "&format=csv");
        links.put("decisions", brand + "/moderation/decisions?" + when + "&format=csv");
        links.put("engagement", brand + "/engagement?" + series + "&format=csv");
        links.put("engagementByChannel", brand + "/engagement/breakdown?by=channel&" + when + "&format=csv");
        links.put("engagementByContentType", brand + "/engagement/breakdown?by=contentType&" + when + "&format=csv");
        links.put("engagementByTag", brand + "/engagement/breakdown?by=tag&" + when + "&format=csv");
        links.put("topPosts", brand + "/engagement/posts?" + when + "&limit=" + TOP_POSTS + "&format=csv");
        links.put("bestTime", brand + "/best-time?" + when + zone + "&format=csv");
        return links;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
