package io.tribu.listening.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.RealPayloads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every status of the shared Mastodon payloads: hashtags, @mentions and links read whole, authors with their instance. */
class MastodonPayloadsTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final Pattern MARKED = Pattern.compile("([#@])<span>([^<]+)</span>");
    static final Pattern HIDDEN_LINK = Pattern.compile("<a href=\"([^\"]+)\"[^>]*><span class=\"invisible\">([^<]*)</span>"
            + "<span class=\"(?:ellipsis)?\">([^<]*)</span><span class=\"invisible\">([^<]*)</span></a>");

    static List<JsonNode> statuses() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (Path file : RealPayloads.files("mastodon", ".json")) {
            JSON.readTree(RealPayloads.bytes(file)).forEach(all::add);
        }
        return all;
    }

    @ParameterizedTest(name = "status {index}")
    @MethodSource("statuses")
    void hashtagsMentionsAndHiddenLinkPartsAreReadWhole(JsonNode status) throws Exception {
        HeardItem item = MastodonConnector.mentionOf(JSON.treeToValue(status, MastodonStatus.class),
                "https://instance.example", Instant.EPOCH);
        String html = status.path("content").asText();
        Matcher marked = MARKED.matcher(html);
        while (marked.find()) {
            assertTrue(item.text().contains(marked.group(1) + marked.group(2)),
                    marked.group(1) + marked.group(2) + " in " + item.text());
        }
        Matcher link = HIDDEN_LINK.matcher(html);
        while (link.find()) {
            String shown = link.group(2) + link.group(3) + link.group(4);
            assertTrue(item.text().contains(shown), shown + " in " + item.text());
        }
        JsonNode account = status.path("account");
        if (account.isObject()) {
            assertTrue(item.author().matches("@[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), item.author());
            assertTrue(item.author().startsWith("@" + account.path("acct").asText().split("@")[0] + "@"));
        }
        assertEquals(Instant.parse(status.path("created_at").asText()), item.publishedAt());
    }
}
