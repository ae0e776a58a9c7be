package io.tribu.listening.source.youtube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.source.GuardedFetcher.SourceException;
import io.tribu.listening.source.Harvest;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.HtmlText;
import io.tribu.listening.source.Source;
import io.tribu.listening.source.SourceConnector;
import io.tribu.platform.crypto.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Public videos whose title or description match a YouTube source's search terms, newest first, one page of
 * {@code search.list} per poll. A sweep asks for the videos published after the newest one the previous sweep saw
 * (less {@code tribu.sources.youtube.overlap}) and follows the page tokens at once, each page saved with its mentions and
 * the cursor in one transaction by the poller: a restart goes on from the first page not saved, and a video read twice
 * is stored once (its video id is the mention's id at the source). Every search first takes 100 units of the source's
 * daily budget on YouTube's quota day (Pacific time, as publishing's comment polling counts it); a spent budget, or
 * Google's {@code quotaExceeded}, stops the source until the next Pacific midnight, its cursor kept. The API key is
 * opened from its sealed form ({@link ApiKeys}) for each search only.
 */
@ApplicationScoped
public class YoutubeConnector implements SourceConnector {

    /** search.list's cost in quota units. */
    public static final int SEARCH_UNITS = 100;
    /** YouTube's quota day starts at midnight Pacific time. */
    static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");
    private static final String WATCH = "https://www.youtube.com/watch?v=";

    private final YoutubeSearch search;
    private final SearchQuota quota;
    private final ApiKeys apiKeys;
    private final ObjectMapper json;
    private final int dailyUnits;
    private final Duration overlap;

    YoutubeConnector(YoutubeSearch search, SearchQuota quota, ApiKeys apiKeys, ObjectMapper json, ListeningConfig config) {
        this.search = search;
        this.quota = quota;
        this.apiKeys = apiKeys;
        this.json = json;
        this.dailyUnits = config.sources().youtube().dailyUnits();
        this.overlap = config.sources().youtube().overlap();
    }

    /** The poll interval that spreads a day's budget: 86,400 s × 100 units / daily units, rounded up. */
    public static int pollIntervalSeconds(int dailyUnits) {
        return (int) Math.min(86_400, -Math.floorDiv(-86_400L * SEARCH_UNITS, Math.max(dailyUnits, 1)));
    }

    /** The YouTube quota day {@code now} falls in. */
    public static LocalDate quotaDay(Instant now) {
        return now.atZone(QUOTA_ZONE).toLocalDate();
    }

    @Override
    public String type() {
        return "youtube";
    }

    @Override
    public Harvest harvest(Source source, Instant now) throws IOException, InterruptedException {
        SearchCursor cursor = SearchCursor.read(json, source.cursor, source.createdAt.minus(overlap));
        String apiKey;
        try {
            apiKey = apiKeys.open(source);
        } catch (SecretCipher.TamperedSecret e) {
            // Before the quota: a source that cannot search spends nothing.
            throw new SourceException(e.getMessage() + ": add the source again with its API key");
        }
        LocalDate day = quotaDay(now);
        Instant nextDay = day.plusDays(1).atStartOfDay(QUOTA_ZONE).toInstant();
        boolean taken;
        try {
            taken = quota.take(source.id, day, SEARCH_UNITS, dailyUnits);
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("quota not counted: " + e.getMessage(), e);
        }
        if (!taken) {
            throw new SourceException("the daily budget of " + dailyUnits + " quota units is spent: waits for the next"
                    + " quota day", nextDay);
        }
        SearchPage page = search.page(source.query, apiKey, cursor.publishedAfter(), cursor.pageToken(), nextDay);
        List<HeardItem> items = new ArrayList<>();
        for (SearchPage.Result result : page.items() == null ? List.<SearchPage.Result>of() : page.items()) {
            HeardItem item = mentionOf(result, now);
            if (item != null) {
                items.add(item);
            }
        }
        Instant pageNewest = items.stream().filter(item -> !item.publishedAtEstimated()).map(HeardItem::publishedAt)
                .max(Comparator.naturalOrder()).orElse(null);
        SearchCursor next = cursor.after(pageNewest, page.nextPageToken(), overlap);
        return new Harvest(items, List.of(), List.of(), null, null, next.write(json), null,
                next.pageToken() != null ? now : null);
    }

    /** The mention a search result is: title and description as text (entities decoded), or null if it is no video. */
    static HeardItem mentionOf(SearchPage.Result result, Instant now) {
        if (result.id() == null || result.id().videoId() == null || result.id().videoId().isBlank()
                || result.snippet() == null) {
            return null;
        }
        SearchPage.Snippet snippet = result.snippet();
        String title = HtmlText.plain(snippet.title());
        String description = HtmlText.plain(snippet.description());
        String text = description.isEmpty() ? title : title.isEmpty() ? description : title + "\n" + description;
        if (text.isEmpty()) {
            return null;
        }
        String author = HtmlText.plain(snippet.channelTitle());
        return new HeardItem(result.id().videoId(), "video", text, WATCH + result.id().videoId(),
                author.isEmpty() ? null : author, null, null, snippet.publishedAt() == null ? now : snippet.publishedAt(),
                null, snippet.publishedAt() == null);
    }
}
