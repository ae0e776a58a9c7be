package io.tribu.analytics.report;

import io.tribu.analytics.author.AuthorService;
import io.tribu.analytics.drivers.DriverAnalysis;
import io.tribu.analytics.drivers.DriversService;
import io.tribu.analytics.engagement.EngagementFigures;
import io.tribu.analytics.engagement.PostEngagementService;
import io.tribu.analytics.sentiment.SentimentCounts;
import io.tribu.analytics.sentiment.SentimentService;
import io.tribu.analytics.voice.ShareOfVoiceService;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a brand report as one self-contained, printable HTML page: inline CSS and SVG charts, no
 * script, so it prints and archives as it is. Every text from data is escaped.
 */
final class HtmlReport {

    private static final String POSITIVE = "#2e7d32";
    private static final String NEUTRAL = "#9e9e9e";
    private static final String NEGATIVE = "#c62828";
    private static final String UNSCORED = "#cfd8dc";

    private HtmlReport() {
    }

    static String render(ReportService.Report report, ReportLabels words) {
        StringBuilder html = new StringBuilder(16_384);
        SentimentCounts total = total(report.days());
        html.append("<!DOCTYPE html><html lang=\"").append(words.language()).append("\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(words.get("title") + " — " + report.brandName())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}h1{margin-bottom:0}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left}")
                .append(".kpi{display:inline-block;margin-right:2em}.kpi b{display:block;font-size:1.6em}")
                .append("section{page-break-inside:avoid;margin-top:1.5em}@media print{body{margin:0}}")
                .append("</style></head><body>");
        html.append("<h1>").append(esc(words.get("title"))).append(" — ").append(esc(report.brandName())).append("</h1>")
                .append("<p>").append(esc(words.get("period"))).append(": ").append(esc(day(report.period().from(), report)))
                .append(" → ").append(esc(day(report.period().to(), report))).append(" (").append(esc(report.bucketing().zone().getId()))
                .append(")</p>");
        html.append("<section>")
                .append(kpi(words.get("mentions"), Long.toString(total.mentions())))
                .append(kpi(words.get("reach"), Long.toString(total.reach())))
                .append(kpi(words.get("net"), total.net() == null ? "—" : String.format(Locale.ROOT, "%+.2f", total.net())))
                .append(kpi(words.get("positive"), Long.toString(total.positive())))
                .append(kpi(words.get("negative"), Long.toString(total.negative())))
                .append("</section>");
        html.append("<section><h2>").append(esc(words.get("perDay"))).append("</h2>").append(stackedBars(report.days(), words))
                .append("</section>");
        html.append("<section><h2>").append(esc(words.get("voice"))).append("</h2>").append(voiceBars(report.voices(), words))
                .append("</section>");
        html.append("<section><h2>").append(esc(words.get("drivers"))).append("</h2>")
                .append(thinSample(report.drivers().insufficientData(), words))
                .append(terms(words.get("negativeTerms"), report.drivers().negative(), words))
                .append(terms(words.get("positiveTerms"), report.drivers().positive(), words)).append("</section>");
        html.append("<section><h2>").append(esc(words.get("ambassadors"))).append("</h2>").append(authors(report.ambassadors(), words))
                .append("<h2>").append(esc(words.get("detractors"))).append("</h2>").append(authors(report.detractors(), words))
                .append("</section>");
        html.append("<section><h2>").append(esc(words.get("crisis"))).append("</h2>").append(crises(report, words))
                .append("</section>");
        html.append("<section><h2>").append(esc(words.get("engagement"))).append("</h2>").append(engagement(report, words))
                .append("</section></body></html>");
        return html.toString();
    }

    private static SentimentCounts total(List<SentimentService.Bucket> days) {
        long reach = 0, positive = 0, neutral = 0, negative = 0, unscored = 0;
        for (SentimentService.Bucket day : days) {
            reach += day.counts().reach();
            positive += day.counts().positive();
            neutral += day.counts().neutral();
            negative += day.counts().negative();
            unscored += day.counts().unscored();
        }
        return SentimentCounts.of(reach, positive, neutral, negative, unscored);
    }

    private static String day(java.time.Instant instant, ReportService.Report report) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atZone(report.bucketing().zone()).toLocalDateTime());
    }

    private static String kpi(String label, String value) {
        return "<div class=\"kpi\">" + esc(label) + "<b>" + esc(value) + "</b></div>";
    }

    /** One stacked bar per bucket: negative at the bottom, then neutral, positive, unscored. */
    private static String stackedBars(List<SentimentService.Bucket> days, ReportLabels words) {
        int width = 800;
        int height = 200;
        long max = Math.max(1, days.stream().mapToLong(day -> day.counts().mentions()).max().orElse(1));
        double slot = (double) width / Math.max(1, days.size());
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + width
                + "\" height=\"" + (height + 20) + "\" viewBox=\"0 0 " + width + " " + (height + 20) + "\">");
        for (int i = 0; i < days.size(); i++) {
            SentimentCounts counts = days.get(i).counts();
            double x = i * slot + slot * 0.1;
            double y = height;
            long[] parts = {counts.negative(), counts.neutral(), counts.positive(), counts.unscored()};
            String[] colours = {NEGATIVE, NEUTRAL, POSITIVE, UNSCORED};
            for (int p = 0; p < parts.length; p++) {
                double h = (double) parts[p] / max * height;
                y -= h;
                if (h > 0) {
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                            x, y, slot * 0.8, h, colours[p]));
                }
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"11\">max %d</text>", height + 15, max));
        svg.append("</svg><p>").append(legend(NEGATIVE, words.get("negative"))).append(legend(NEUTRAL, words.get("neutral")))
                .append(legend(POSITIVE, words.get("positive"))).append(legend(UNSCORED, words.get("unscored"))).append("</p>");
        return svg.toString();
    }

    private static String legend(String colour, String label) {
        return "<span style=\"display:inline-block;width:.8em;height:.8em;background:" + colour + "\"></span> "
                + esc(label) + " &nbsp; ";
    }

    private static String voiceBars(List<ShareOfVoiceService.Voice> voices, ReportLabels words) {
        int width = 600;
        int row = 22;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + width
                + "\" height=\"" + (row * voices.size() + 4) + "\">");
        for (int i = 0; i < voices.size(); i++) {
            ShareOfVoiceService.Voice voice = voices.get(i);
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text><rect x=\"180\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%.1f %% (%d)</text>",
                    i * row + 14, esc(voice.name()), i * row + 3, voice.share() * 300, i == 0 ? "#1565c0" : "#90a4ae",
                    185 + voice.share() * 300, i * row + 14, voice.share() * 100, voice.mentions()));
        }
        return svg.append("</svg>").toString();
    }

    /** Why the terms may be few: too few sampled texts on a side. */
    private static String thinSample(DriverAnalysis.InsufficientData thin, ReportLabels words) {
        return thin == null ? "" : "<p>" + esc(String.format(Locale.ROOT, words.get("thinSample"), thin.negativeMentions(),
                thin.positiveMentions(), thin.needed())) + "</p>";
    }

    private static String terms(String title, List<DriversService.Term> terms, ReportLabels words) {
        StringBuilder html = new StringBuilder("<h3>").append(esc(title)).append("</h3>");
        if (terms.isEmpty()) {
            return html.append("<p>").append(esc(words.get("none"))).append("</p>").toString();
        }
        html.append("<table><tr><th>").append(esc(words.get("term"))).append("</th><th>z</th><th>")
                .append(esc(words.get("example"))).append("</th></tr>");
        for (DriversService.Term term : terms) {
            html.append("<tr><td>").append(esc(term.term())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", term.z())).append("</td><td>")
                    .append(term.examples().isEmpty() ? "" : esc(term.examples().get(0).text())).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String authors(List<AuthorService.Author> authors, ReportLabels words) {
        if (authors.isEmpty()) {
            return "<p>" + esc(words.get("none")) + "</p>";
        }
        StringBuilder html = new StringBuilder("<table><tr><th>").append(esc(words.get("author"))).append("</th><th>")
                .append(esc(words.get("mentions"))).append("</th><th>").append(esc(words.get("positive"))).append("</th><th>")
                .append(esc(words.get("negative"))).append("</th><th>").append(esc(words.get("reach"))).append("</th></tr>");
        for (AuthorService.Author author : authors) {
            html.append("<tr><td>").append(esc(author.author())).append("</td><td>").append(author.mentions())
                    .append("</td><td>").append(author.positive()).append("</td><td>").append(author.negative())
                    .append("</td><td>").append(author.reach()).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String crises(ReportService.Report report, ReportLabels words) {
        var volume = report.crises().volume();
        var share = report.crises().negativeShare();
        if (volume.isEmpty() && share.isEmpty()) {
            return "<p>" + esc(words.get("none")) + "</p>";
        }
        StringBuilder html = new StringBuilder("<table><tr><th>").append(esc(words.get("kind"))).append("</th><th>")
                .append(esc(words.get("start"))).append("</th><th>").append(esc(words.get("mentions"))).append("</th><th>")
                .append(esc(words.get("example"))).append("</th></tr>");
        volume.forEach(e -> html.append("<tr><td>volume</td><td>").append(esc(day(e.start(), report))).append("</td><td>")
                .append(e.mentions()).append("</td><td>")
                .append(e.topMentions().isEmpty() ? "" : esc(e.topMentions().get(0).text())).append("</td></tr>"));
        share.forEach(e -> html.append("<tr><td>").append(esc(words.get("negative"))).append("</td><td>")
                .append(esc(day(e.start(), report))).append("</td><td>").append(e.negative()).append("</td><td>")
                .append(e.topMentions().isEmpty() ? "" : esc(e.topMentions().get(0).text())).append("</td></tr>"));
        return html.append("</table>").toString();
    }

    /** Totals, the most engaging posts and one row per channel, of the posts published in the period. */
    private static String engagement(ReportService.Report report, ReportLabels words) {
        EngagementFigures total = report.engagement().total();
        if (total.posts() == 0) {
            return "<p>" + esc(words.get("noPosts")) + "</p>";
        }
        StringBuilder html = new StringBuilder()
                .append(kpi(words.get("posts"), Long.toString(total.posts())))
                .append(kpi(words.get("likes"), Long.toString(total.likes())))
                .append(kpi(words.get("comments"), Long.toString(total.comments())))
                .append(kpi(words.get("shares"), Long.toString(total.shares())))
                .append(kpi(words.get("impressions"), total.impressions() == null ? "—" : Long.toString(total.impressions())))
                .append(kpi(words.get("engagementRate"), percent(total.engagementRate())));
        html.append("<h3>").append(esc(words.get("topPosts"))).append("</h3><table><tr><th>")
                .append(esc(words.get("published"))).append("</th><th>").append(esc(words.get("network"))).append("</th><th>")
                .append(esc(words.get("contentType"))).append("</th><th>").append(esc(words.get("likes"))).append("</th><th>")
                .append(esc(words.get("comments"))).append("</th><th>").append(esc(words.get("shares"))).append("</th><th>")
                .append(esc(words.get("engagementRate"))).append("</th><th>").append(esc(words.get("link"))).append("</th></tr>");
        for (PostEngagementService.PostRow post : report.engagement().topPosts()) {
            html.append("<tr><td>").append(esc(day(post.publishedAt().toInstant(), report))).append("</td><td>")
                    .append(esc(post.network())).append("</td><td>").append(esc(post.contentType())).append("</td><td>")
                    .append(post.likes()).append("</td><td>").append(post.comments()).append("</td><td>")
                    .append(post.shares()).append("</td><td>").append(percent(post.engagementRate())).append("</td><td>")
                    .append(link(post.url())).append("</td></tr>");
        }
        html.append("</table><h3>").append(esc(words.get("byChannel"))).append("</h3><table><tr><th>")
                .append(esc(words.get("network"))).append("</th><th>").append(esc(words.get("channel"))).append("</th><th>")
                .append(esc(words.get("posts"))).append("</th><th>").append(esc(words.get("engagement"))).append("</th><th>")
                .append(esc(words.get("averageEngagement"))).append("</th><th>").append(esc(words.get("engagementRate")))
                .append("</th></tr>");
        for (PostEngagementService.Slice channel : report.engagement().channels()) {
            EngagementFigures figures = channel.figures();
            html.append("<tr><td>").append(esc(channel.network())).append("</td><td>").append(esc(channel.value()))
                    .append("</td><td>").append(figures.posts()).append("</td><td>").append(figures.engagement())
                    .append("</td><td>").append(figures.averageEngagement() == null ? "—"
                            : String.format(Locale.ROOT, "%.2f", figures.averageEngagement()))
                    .append("</td><td>").append(percent(figures.engagementRate())).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.2f %%", rate * 100);
    }

    /** Only web links become links: a stored url is data, and a {@code javascript:} one must not run. */
    private static String link(String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return esc(url);
        }
        return "<a href=\"" + esc(url) + "\">" + esc(url) + "</a>";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
