package io.tribu.listening.source;

import java.io.IOException;
import java.time.Instant;

/** Reads one kind of polled source. Blocking: called from the poller's worker thread. */
public interface SourceConnector {

    /** The source type it reads, as stored on the source (rss, mastodon). */
    String type();

    /** Everything new since the source's cursor. */
    Harvest harvest(Source source, Instant now) throws IOException, InterruptedException;
}
