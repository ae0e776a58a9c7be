package io.tribu.analytics.report;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.author.AuthorService;
import io.tribu.analytics.brand.BrandNameService;
import io.tribu.analytics.crisis.CrisisService;
import io.tribu.analytics.drivers.DriversService;
import io.tribu.analytics.engagement.EngagementFigures;
import io.tribu.analytics.engagement.PostEngagementService;
import io.tribu.analytics.period.Bucketing;
import io.tribu.analytics.period.ReportingPeriod;
import io.tribu.analytics.sentiment.SentimentService;
import io.tribu.analytics.voice.ShareOfVoiceService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Gathers every measure of a brand's period for the printable report. */
@ApplicationScoped
public class ReportService {

    static final int TOP_POSTS = 5;

    private final SentimentService sentiments;
    private final ShareOfVoiceService voices;
    private final DriversService drivers;
    private final AuthorService authors;
    private final CrisisService crises;
    private final PostEngagementService engagement;
    private final BrandNameService names;

    public ReportService(SentimentService sentiments, ShareOfVoiceService voices, DriversService drivers,
                         AuthorService authors, CrisisService crises, PostEngagementService engagement,
                         BrandNameService names) {
        this.sentiments = sentiments;
        this.voices = voices;
        this.drivers = drivers;
        this.authors = authors;
        this.crises = crises;
        this.engagement = engagement;
        this.names = names;
    }

    /** {@code brandName}: the name the agency gave the brand, else its id. */
    public record Report(String brandId, String brandName, ReportingPeriod period, Bucketing bucketing, List<SentimentService.Bucket> days,
                         List<ShareOfVoiceService.Voice> voices, DriversService.Drivers drivers,
                         List<AuthorService.Author> ambassadors, List<AuthorService.Author> detractors,
                         CrisisService.Assessment crises, Engagement engagement) {
    }

    /** The brand's posts published in the period: totals, the most engaging ones (collected only), per channel. */
    public record Engagement(EngagementFigures total, List<PostEngagementService.PostRow> topPosts,
                             List<PostEngagementService.Slice> channels) {
    }

    public Uni<Report> report(String tenant, String brandId, ReportingPeriod period, Bucketing bucketing) {
        return names.displayName(tenant, brandId).chain(brandName -> sentiments.series(tenant, brandId, period, bucketing)
                .chain(days -> voices.voices(tenant, brandId, brandName, period)
                .chain(voiceList -> authors.rankings(tenant, brandId, period, 5)
                .chain(ranked -> crises.assess(tenant, brandId, period, 4, 10)
                .chain(assessment -> drivers.drivers(tenant, brandId, period, 8)
                .chain(found -> engagement(tenant, brandId, period, bucketing)
                .map(posts -> new Report(brandId, brandName, period, bucketing, days, voiceList, found,
                        ranked.ambassadors(), ranked.detractors(), assessment, posts))))))));
    }

    private Uni<Engagement> engagement(String tenant, String brandId, ReportingPeriod period, Bucketing bucketing) {
        return engagement.series(tenant, brandId, period, null, bucketing)
                .chain(series -> engagement.posts(tenant, brandId, period, null, TOP_POSTS)
                .chain(posts -> engagement.breakdown(tenant, brandId, period, null, PostEngagementService.Dimension.CHANNEL)
                .map(channels -> new Engagement(series.total(),
                        posts.stream().filter(post -> post.collectedAt() != null).toList(), channels))));
    }
}
