package io.tribu.analytics.report;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.author.AuthorService;
import io.tribu.analytics.crisis.CrisisService;
import io.tribu.analytics.drivers.DriversService;
import io.tribu.analytics.period.Bucketing;
import io.tribu.analytics.period.ReportingPeriod;
import io.tribu.analytics.sentiment.SentimentService;
import io.tribu.analytics.voice.ShareOfVoiceService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Gathers every measure of a brand's period for the printable report. */
@ApplicationScoped
public class ReportService {

    private final SentimentService sentiments;
    private final ShareOfVoiceService voices;
    private final DriversService drivers;
    private final AuthorService authors;
    private final CrisisService crises;

    public ReportService(SentimentService sentiments, ShareOfVoiceService voices, DriversService drivers,
                         AuthorService authors, CrisisService crises) {
        this.sentiments = sentiments;
        this.voices = voices;
        this.drivers = drivers;
        this.authors = authors;
        this.crises = crises;
    }

    public record Report(String brandId, ReportingPeriod period, Bucketing bucketing, List<SentimentService.Bucket> days,
                         List<ShareOfVoiceService.Voice> voices, DriversService.Drivers drivers,
                         List<AuthorService.Author> ambassadors, List<AuthorService.Author> detractors,
                         CrisisService.Assessment crises) {
    }

    public Uni<Report> report(String tenant, String brandId, ReportingPeriod period, Bucketing bucketing) {
        return sentiments.series(tenant, brandId, period, bucketing)
                .chain(days -> voices.voices(tenant, brandId, brandId, period)
                .chain(voiceList -> authors.ranked(tenant, brandId, period, AuthorService.Ranking.AMBASSADORS, 5)
                .chain(ambassadors -> authors.ranked(tenant, brandId, period, AuthorService.Ranking.DETRACTORS, 5)
                .chain(detractors -> crises.assess(tenant, brandId, period, 4, 10)
                .chain(assessment -> drivers.drivers(tenant, brandId, period, 8)
                .map(found -> new Report(brandId, period, bucketing, days, voiceList, found, ambassadors,
                        detractors, assessment)))))));
    }
}
