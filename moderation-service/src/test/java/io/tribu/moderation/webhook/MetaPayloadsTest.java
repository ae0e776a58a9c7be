package io.tribu.moderation.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Meta deliveries in the shapes Meta documents (Page feed, Messenger, Instagram with Facebook Login and with Instagram
 * Login), read by {@link MetaPayload}: what each must give, and a count of the deliveries read right.
 */
class MetaPayloadsTest {

    static final String PAGE = "104857162549213";
    static final String INSTAGRAM = "17841400000000000";
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode delivery(String name) {
        try (InputStream in = MetaPayloadsTest.class.getResourceAsStream("/webhook/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebhookChannel channel(String network) {
        WebhookChannel channel = new WebhookChannel();
        channel.id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        channel.tenant = "soleil";
        channel.brandId = "cafe-lumiere";
        channel.network = network;
        channel.accountId = "instagram".equals(network) ? INSTAGRAM : PAGE;
        return channel;
    }

    static MetaPayload.Reading read(String name, String network) {
        return MetaPayload.read(delivery(name), channel(network), NOW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file,                          network,   interactions, edits, removals, own replies, ignored, unreadable
            "facebook-feed-comment.json,      facebook,  1, 0, 0, 0, 2, 0",
            "facebook-messenger.json,         facebook,  1, 0, 0, 1, 0, 0",
            "instagram-comment.json,          instagram, 1, 0, 0, 0, 0, 0",
            "meta/fb-photo-comment.json,      facebook,  1, 0, 0, 0, 0, 0",
            "meta/fb-page-reply.json,         facebook,  0, 0, 0, 1, 1, 0",
            "meta/fb-comment-edited.json,     facebook,  0, 1, 0, 0, 0, 0",
            "meta/fb-comment-removed.json,    facebook,  0, 0, 1, 0, 0, 0",
            "meta/fb-unreadable.json,         facebook,  0, 0, 0, 0, 1, 2",
            "meta/messenger-image.json,       facebook,  1, 0, 0, 0, 1, 0",
            "meta/messenger-edit.json,        facebook,  0, 1, 0, 0, 0, 0",
            "meta/ig-login-comment.json,      instagram, 1, 0, 0, 0, 0, 0",
            "meta/ig-login-own-reply.json,    instagram, 0, 0, 0, 1, 0, 0",
            "meta/ig-dm-deleted.json,         instagram, 0, 0, 1, 0, 0, 0",
    })
    void eachDeliveryGivesWhatItSays(String file, String network, int interactions, int edits, int removals,
                                     int ownReplies, int ignored, int unreadable) {
        MetaPayload.Reading reading = read(file, network);
        assertEquals(interactions, reading.interactions().size(), "interactions");
        assertEquals(edits, reading.edits().size(), "edits");
        assertEquals(removals, reading.removals().size(), "removals");
        assertEquals(ownReplies, reading.ownReplies().size(), "the brand's own answers");
        assertEquals(ignored, reading.ignored(), "ignored");
        assertEquals(unreadable, reading.unreadable().size(), () -> "unreadable " + reading.unreadable());
    }

    @Test
    void photoOnlyCommentsAndImageOnlyMessagesKeepTheirAttachment() {
        Interaction photo = read("meta/fb-photo-comment.json", "facebook").interactions().get(0);
        assertEquals("", photo.text());
        assertEquals(List.of("https://scontent.xx.fbcdn.net/v/t39.30808-6/photo_555000111222333.jpg"), photo.attachments());
        assertEquals("https://www.facebook.com/122100000000000001_555000111222333", photo.url());
        Interaction image = read("meta/messenger-image.json", "facebook").interactions().get(0);
        assertEquals("", image.text());
        assertEquals(List.of("https://scontent.xx.fbcdn.net/v/t1.15752-9/colis_abime.jpg"), image.attachments());
        assertEquals("conversation:7412589630147852", image.thread());
    }

    @Test
    void theBrandsOwnCommentsAndMessagesAnswerWhatTheyReplyTo() {
        MetaPayload.OwnReply page = read("meta/fb-page-reply.json", "facebook").ownReplies().get(0);
        assertEquals("122100000000000001_987654321098765", page.answers());
        assertEquals(Instant.ofEpochSecond(1763750999), page.at());
        MetaPayload.OwnReply instagram = read("meta/ig-login-own-reply.json", "instagram").ownReplies().get(0);
        assertEquals("17865799348089111", instagram.answers());
        MetaPayload.OwnReply echo = read("facebook-messenger.json", "facebook").ownReplies().get(0);
        assertEquals("conversation:7412589630147852", echo.thread());
        assertEquals("Nous regardons tout de suite.", echo.text());
    }

    @Test
    void instagramLoginEntriesCarryTheirChangeThemselves() {
        Interaction comment = read("meta/ig-login-comment.json", "instagram").interactions().get(0);
        assertEquals("17865799348089111", comment.externalId());
        assertEquals("@marc.cycles", comment.author());
        assertEquals("Le cadre est garanti combien de temps ?", comment.text());
        assertEquals("17900000000000000", comment.thread());
        assertEquals(Instant.ofEpochSecond(1763751800), comment.publishedAt());
    }

    @Test
    void unreadablePartsAreNamedByTheirPath() {
        List<String> fields = read("meta/fb-unreadable.json", "facebook").unreadable().stream().map(u -> u.get("field")).toList();
        assertEquals(List.of("entry[0].changes[0].value.comment_id", "entry[0].changes[1].value.verb"), fields);
        MetaPayload.Reading notMeta = MetaPayload.read(JSON.createObjectNode().put("hello", "world"), channel("facebook"), NOW);
        assertEquals(List.of("entry"), notMeta.unreadable().stream().map(u -> u.get("field")).toList());
    }

    /**
     * Prints "meta: N of M deliveries right". The expectations come from the raw JSON, not from the reader: every
     * comment or message of someone else is one interaction with its text (empty allowed) and its photo or
     * attachment URLs; one of the brand's own account answers the comment or conversation it replies to; an edit,
     * a removal, an unsent message each apply to their id; nothing is dropped without being counted.
     */
    @Test
    void report() {
        List<String> files = List.of("facebook-feed-comment.json", "facebook-messenger.json", "instagram-comment.json",
                "meta/fb-photo-comment.json", "meta/fb-page-reply.json", "meta/fb-comment-edited.json",
                "meta/fb-comment-removed.json", "meta/fb-unreadable.json", "meta/messenger-image.json",
                "meta/messenger-edit.json", "meta/ig-login-comment.json", "meta/ig-login-own-reply.json",
                "meta/ig-dm-deleted.json");
        int right = 0;
        List<String> wrong = new ArrayList<>();
        int instagramComments = 0;
        int instagramWithUrl = 0;
        for (String file : files) {
            String network = file.contains("instagram") || file.contains("/ig-") ? "instagram" : "facebook";
            JsonNode raw = delivery(file);
            MetaPayload.Reading reading = read(file, network);
            Expected expected = Expected.of(raw, channel(network).accountId);
            boolean ok = expected.texts.equals(reading.interactions().stream().map(Interaction::text).toList())
                    && expected.attachments.equals(reading.interactions().stream().flatMap(i -> i.attachments().stream()).toList())
                    && expected.answers == reading.ownReplies().size()
                    && expected.edits == reading.edits().size()
                    && expected.removals == reading.removals().size()
                    && expected.parts == reading.interactions().size() + reading.ownReplies().size() + reading.edits().size()
                            + reading.removals().size() + reading.ignored() + reading.unreadable().size();
            if (ok) {
                right++;
            } else {
                wrong.add(file);
            }
            if ("instagram".equals(network)) {
                for (Interaction i : reading.interactions()) {
                    if (!"direct-message".equals(i.kind())) {
                        instagramComments++;
                        instagramWithUrl += i.url() == null ? 0 : 1;
                    }
                }
            }
        }
        System.out.printf("meta: %d of %d deliveries right%s%n", right, files.size(), wrong.isEmpty() ? "" : " (wrong: " + wrong + ")");
        System.out.printf("meta: %d of %d Instagram comments with a URL%n", instagramWithUrl, instagramComments);
        assertTrue(wrong.isEmpty(), () -> "wrong: " + wrong);
    }

    /** What a delivery holds, counted from its JSON alone. parts: every change or messaging event of every entry. */
    record Expected(List<String> texts, List<String> attachments, int answers, int edits, int removals, int parts) {

        static Expected of(JsonNode delivery, String account) {
            List<String> texts = new ArrayList<>();
            List<String> attachments = new ArrayList<>();
            int answers = 0;
            int edits = 0;
            int removals = 0;
            int parts = 0;
            for (JsonNode entry : delivery.path("entry")) {
                boolean ours = account.equals(entry.path("id").asText());
                List<JsonNode> changes = new ArrayList<>();
                entry.path("changes").forEach(changes::add);
                if (entry.has("field")) {
                    changes.add(entry);
                }
                parts += ours ? changes.size() + entry.path("messaging").size() : 1;
                if (!ours) {
                    continue;
                }
                for (JsonNode change : changes) {
                    JsonNode v = change.path("value");
                    boolean comment = "comments".equals(change.path("field").asText())
                            || "comment".equals(v.path("item").asText()) && v.hasNonNull("comment_id");
                    if (!comment) {
                        continue;
                    }
                    String verb = v.path("verb").asText("add");
                    boolean own = account.equals(v.path("from").path("id").asText());
                    String parent = v.path("parent_id").asText(null);
                    boolean answersSomeone = parent != null && !parent.equals(v.path("post_id").asText(null));
                    if (verb.equals("edited")) {
                        edits++;
                    } else if (verb.equals("remove")) {
                        removals++;
                    } else if (verb.equals("add") && own && answersSomeone) {
                        answers++;
                    } else if (verb.equals("add") && !own) {
                        texts.add(v.has("message") ? v.path("message").asText() : v.path("text").asText(""));
                        if (v.hasNonNull("photo")) {
                            attachments.add(v.path("photo").asText());
                        }
                    }
                }
                for (JsonNode m : entry.path("messaging")) {
                    JsonNode message = m.path("message");
                    if (m.has("message_edit")) {
                        edits++;
                    } else if (message.path("is_deleted").asBoolean()) {
                        removals++;
                    } else if (message.path("is_echo").asBoolean() || account.equals(m.path("sender").path("id").asText())) {
                        answers += message.isMissingNode() ? 0 : 1;
                    } else if (!message.isMissingNode()) {
                        texts.add(message.path("text").asText(""));
                        message.path("attachments").forEach(a -> attachments.add(a.path("payload").path("url").asText()));
                    }
                }
            }
            return new Expected(texts, attachments, answers, edits, removals, parts);
        }
    }
}
