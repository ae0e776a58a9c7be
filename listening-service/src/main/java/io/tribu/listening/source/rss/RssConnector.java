package io.tribu.listening.source.rss;

import io.tribu.listening.source.FetchResponse;
import io.tribu.listening.source.GuardedFetcher;
import io.tribu.listening.source.Harvest;
import io.tribu.listening.source.Source;
import io.tribu.listening.source.SourceConnector;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** RSS and Atom feeds, read with a conditional GET: the ETag and Last-Modified are the cursor. */
@ApplicationScoped
public class RssConnector implements SourceConnector {

    private final GuardedFetcher fetcher;
    private final FeedParser parser;

    public RssConnector(GuardedFetcher fetcher, FeedParser parser) {
        this.fetcher = fetcher;
        this.parser = parser;
    }

    @Override
    public String type() {
        return "rss";
    }

    @Override
    public Harvest harvest(Source source, Instant now) throws IOException, InterruptedException {
        FetchResponse response = fetcher.fetch(URI.create(source.url), source.etag, source.lastModified);
        if (response.notModified()) {
            return new Harvest(List.of(), source.etag, source.lastModified, null, "304 not modified");
        }
        var items = parser.parse(response.body(), response.contentType(), URI.create(source.url), now);
        return new Harvest(items, response.etag(), response.lastModified(), null, null);
    }
}
