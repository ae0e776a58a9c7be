package io.tribu.listening.source.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.listening.source.GuardedFetcher;
import io.tribu.listening.source.Harvest;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.HtmlText;
import io.tribu.listening.source.Source;
import io.tribu.listening.source.SourceConnector;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hashtag timeline of a Mastodon instance, polled through the REST API. The cursor is the newest
 * status id read; each poll asks for the statuses right after it ({@code min_id}), page after page,
 * so a busy hashtag is read without gaps. Boosts are skipped: the original status is the mention.
 */
@ApplicationScoped
public class MastodonConnector implements SourceConnector {

    static final int PAGE_SIZE = 40;
    static final int MAX_PAGES_PER_POLL = 5;
    private static final TypeReference<List<MastodonStatus>> STATUSES = new TypeReference<>() {
    };

    private final GuardedFetcher fetcher;
    private final ObjectMapper json;

    public MastodonConnector(GuardedFetcher fetcher, ObjectMapper json) {
        this.fetcher = fetcher;
        this.json = json;
    }

    @Override
    public String type() {
        return "mastodon";
    }

    @Override
    public Harvest harvest(Source source, Instant now) throws IOException, InterruptedException {
        String cursor = source.cursor;
        List<HeardItem> items = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
            List<MastodonStatus> statuses = read(fetcher.fetch(timeline(source, cursor), null, null).body());
            for (MastodonStatus status : statuses) {
                if (status.id() == null || !status.id().matches("[0-9]{1,30}")) {
                    throw new GuardedFetcher.SourceException("a status without a numeric id: not a Mastodon timeline");
                }
                cursor = newer(cursor, status.id());
                HeardItem item = mentionOf(status, instance(source), now);
                if (item != null) {
                    items.add(item);
                }
            }
            if (statuses.size() < PAGE_SIZE) {
                break;
            }
        }
        return new Harvest(items, null, null, cursor, null);
    }


    static String instance(Source source) {
        return source.url.endsWith("/") ? source.url.substring(0, source.url.length() - 1) : source.url;
    }

    private static URI timeline(Source source, String cursor) {
        return URI.create(instance(source) + "/api/v1/timelines/tag/" + URLEncoder.encode(source.hashtag, StandardCharsets.UTF_8)
                + "?limit=" + PAGE_SIZE + (cursor == null ? "" : "&min_id=" + cursor));
    }

    private List<MastodonStatus> read(byte[] body) throws GuardedFetcher.SourceException {
        try {
            return json.readValue(body, STATUSES);
        } catch (JsonProcessingException e) {
            throw new GuardedFetcher.SourceException("not a Mastodon timeline (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new GuardedFetcher.SourceException("unreadable Mastodon timeline");
        }
    }

    /** Status ids are increasing integers written as strings (Snowflake-like): compare them as numbers. */
    static String newer(String current, String candidate) {
        if (current == null) {
            return candidate;
        }
        return new BigInteger(candidate).compareTo(new BigInteger(current)) > 0 ? candidate : current;
    }

    /**
     * The mention a status is, or null for a boost (the original is the mention) or an empty status.
     *
     * @param instance the instance the status was read from: the home of accounts it names without a domain
     */
    public static HeardItem mentionOf(MastodonStatus status, String instance, Instant now) {
        String text = HtmlText.plain(status.content());
        if (status.reblog() != null || text.isEmpty()) {
            return null;
        }
        MastodonStatus.Account account = status.account();
        String quoted = status.quote() == null || status.quote().quotedStatus() == null ? null
                : status.quote().quotedStatus().url() != null ? status.quote().quotedStatus().url()
                : status.quote().quotedStatus().uri();
        return new HeardItem(status.id(), status.inReplyToId() == null ? "post" : "reply", text, status.url(),
                account == null ? null : author(account, instance), account == null ? null : account.followersCount(),
                status.language(), status.createdAt() == null ? now : status.createdAt(), quoted,
                status.createdAt() == null);
    }

    /**
     * {@code @user@domain} whoever the instance: a local account's {@code acct} is a bare {@code user}, and the same
     * name on two instances is two people. The domain is the account page's host, else the instance read.
     */
    static String author(MastodonStatus.Account account, String instance) {
        if (account.acct() == null || account.acct().isBlank()) {
            return null;
        }
        if (account.acct().contains("@")) {
            return "@" + account.acct();
        }
        String home = host(account.url());
        return "@" + account.acct() + "@" + (home != null ? home : host(instance));
    }

    private static String host(String url) {
        try {
            return url == null ? null : URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
