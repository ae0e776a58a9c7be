package io.tribu.publishing.network;

import io.tribu.publishing.network.fake.FakeBluesky;
import io.tribu.publishing.network.fake.FakeMastodon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tribu.publishing.network.AdapterTest.HTTP;
import static io.tribu.publishing.network.AdapterTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moderation actions (hide, unhide, delete, reply) against local fakes of Mastodon and Bluesky. */
class ModerationAdapterTest {

    static final FakeMastodon MASTODON = new FakeMastodon();
    static final FakeBluesky BLUESKY = new FakeBluesky();

    final MastodonAdapter mastodon = new MastodonAdapter(HTTP, AdapterTest.FETCH, AdapterTest.MASTODON_MEDIA);
    final BlueskyAdapter bluesky = new BlueskyAdapter(HTTP, AdapterTest.FETCH, AdapterTest.CLOCK);

    @AfterAll
    static void stop() {
        MASTODON.close();
        BLUESKY.close();
    }

    static Account mastodonAccount(String token) {
        return new Account(UUID.randomUUID(), MASTODON.baseUrl(), "@cafe@mastodon.example",
                new io.tribu.publishing.channel.ChannelCredentials(token, null, null, null, null));
    }

    static Account blueskyAccount() {
        return new Account(UUID.randomUUID(), BLUESKY.baseUrl(), FakeBluesky.IDENTIFIER,
                new io.tribu.publishing.channel.ChannelCredentials(null, null, null, FakeBluesky.IDENTIFIER, FakeBluesky.APP_PASSWORD));
    }

    /** A comment from another instance: known on the brand's instance under a local id, found by its URL. */
    static Interaction julien() {
        String remoteId = Long.toString(113512345678900000L + (long) (Math.random() * 1_000_000));
        String url = "https://piaille.fr/@julien/" + remoteId;
        MASTODON.remoteStatus(url, "110" + remoteId.substring(6), "julien@piaille.fr");
        return new Interaction(url, remoteId, "@julien@piaille.fr");
    }

    static String localId(Interaction target) {
        return HTTP.read(HTTP.send(HTTP.request(MASTODON.baseUrl() + "/api/v2/search?q="
                        + java.net.URLEncoder.encode(target.url(), java.nio.charset.StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + FakeMastodon.TOKEN).GET().build()).await().atMost(WAIT))
                .path("statuses").path(0).path("id").asText();
    }

    @Test
    void mastodonRepliesInTheThreadOncePerActionEvenWhenRepeated() {
        Interaction target = julien();
        String key = UUID.randomUUID().toString();
        Outcome first = mastodon.reply(mastodonAccount(FakeMastodon.TOKEN), target, "Bonjour Julien, désolés du retard.",
                false, key, false).await().atMost(WAIT);
        Outcome again = mastodon.reply(mastodonAccount(FakeMastodon.TOKEN), target, "Bonjour Julien, désolés du retard.",
                false, key, true).await().atMost(WAIT);
        Outcome.Published reply = assertInstanceOf(Outcome.Published.class, first);
        assertEquals(reply, again, "the action id is the Idempotency-Key: the repeat finds the first reply");
        assertEquals(1, MASTODON.createdFor(key));
        List<Map<String, Object>> replies = MASTODON.repliesTo(localId(target));
        assertEquals(1, replies.size());
        assertEquals("public", replies.get(0).get("visibility"));
        assertTrue(replies.get(0).get("content").toString().contains("@julien@piaille.fr Bonjour Julien"), replies.toString());
    }

    @Test
    void aPrivateMastodonReplyIsADirectStatusMentioningTheAuthor() {
        Interaction target = julien();
        assertInstanceOf(Outcome.Published.class, mastodon.reply(mastodonAccount(FakeMastodon.TOKEN), target,
                "Pouvez-vous nous donner votre numéro de commande ?", true, UUID.randomUUID().toString(), false).await().atMost(WAIT));
        Map<String, Object> direct = MASTODON.repliesTo(localId(target)).get(0);
        assertEquals("direct", direct.get("visibility"));
        assertTrue(direct.get("content").toString().contains("@julien@piaille.fr"));
    }

    @Test
    void mastodonHideMutesTheAuthorAndUnhideUnmutes() {
        Interaction target = julien();
        String author = MASTODON.status(localId(target)).get("account").toString().replaceAll(".*id=(\\d+).*", "$1");
        assertInstanceOf(Outcome.Published.class, mastodon.hide(mastodonAccount(FakeMastodon.TOKEN), target, true).await().atMost(WAIT));
        assertTrue(MASTODON.isMuted(author));
        assertInstanceOf(Outcome.Published.class, mastodon.hide(mastodonAccount(FakeMastodon.TOKEN), target, false).await().atMost(WAIT));
        assertFalse(MASTODON.isMuted(author));
    }

    @Test
    void mastodonDeletesOnlyItsOwnStatusesAndADeletedOneStaysDone() {
        Account account = mastodonAccount(FakeMastodon.TOKEN);
        Outcome.Published own = assertInstanceOf(Outcome.Published.class,
                mastodon.publish(account, "Oups, mauvais lien", UUID.randomUUID().toString()).await().atMost(WAIT));
        Interaction ours = new Interaction(own.url(), own.externalId(), "@cafe");
        assertInstanceOf(Outcome.Published.class, mastodon.delete(account, ours).await().atMost(WAIT));
        assertEquals(null, MASTODON.status(own.externalId()));
        assertInstanceOf(Outcome.Published.class, mastodon.delete(account, ours).await().atMost(WAIT), "already gone is done");

        Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class, mastodon.delete(account, julien()).await().atMost(WAIT));
        assertTrue(refused.reason().contains("only its own statuses"), refused.reason());
    }

    @Test
    void mastodonActionErrorsMapToOutcomes() {
        Interaction target = julien();
        assertInstanceOf(Outcome.AuthExpired.class, mastodon.hide(mastodonAccount("expired"), target, true).await().atMost(WAIT));
        MASTODON.script("/api/v2/search", 429, Map.of("Retry-After", "30"), "{\"error\":\"Too many requests\"}");
        assertEquals(Duration.ofSeconds(30), assertInstanceOf(Outcome.Retry.class,
                mastodon.hide(mastodonAccount(FakeMastodon.TOKEN), target, true).await().atMost(WAIT)).after());
        MASTODON.script("/api/v1/statuses", 503, Map.of(), "");
        assertInstanceOf(Outcome.Retry.class, mastodon.reply(mastodonAccount(FakeMastodon.TOKEN), target, "Bonjour",
                false, UUID.randomUUID().toString(), false).await().atMost(WAIT));
        MASTODON.script("/api/v1/statuses", 422, Map.of(), "{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}");
        assertEquals("Validation failed: Text character limit of 500 exceeded", assertInstanceOf(Outcome.Permanent.class,
                mastodon.reply(mastodonAccount(FakeMastodon.TOKEN), target, "Bonjour", false, UUID.randomUUID().toString(), false)
                        .await().atMost(WAIT)).reason());
        Interaction gone = new Interaction("https://piaille.fr/@julien/1", "1", "@julien@piaille.fr");
        assertInstanceOf(Outcome.Permanent.class, mastodon.reply(mastodonAccount(FakeMastodon.TOKEN), gone, "Bonjour",
                false, UUID.randomUUID().toString(), false).await().atMost(WAIT));
    }

    @Test
    void blueskyRepliesWithStrongRefsToRootAndParentOncePerAction() {
        String root = BLUESKY.ownPost("3lbrandroot01", "Nouvelle carte d'hiver !");
        String did = "did:plc:julien" + UUID.randomUUID().toString().substring(0, 6);
        String comment = BLUESKY.othersPost(did, "julien.bsky.social", "3ljulien0001", "Et le chocolat ?", root, root);
        Interaction target = new Interaction("https://bsky.app/profile/julien.bsky.social/post/3ljulien0001", null, "@julien.bsky.social");
        String key = UUID.randomUUID().toString();
        Outcome.Published reply = assertInstanceOf(Outcome.Published.class,
                bluesky.reply(blueskyAccount(), target, "Il revient demain !", false, key, false).await().atMost(WAIT));
        assertEquals(reply, bluesky.reply(blueskyAccount(), target, "Il revient demain !", false, key, true).await().atMost(WAIT));
        var record = BLUESKY.record(reply.externalId());
        assertEquals(comment, record.path("reply").path("parent").path("uri").asText());
        assertEquals(root, record.path("reply").path("root").path("uri").asText());
        assertNotNull(record.path("reply").path("root").path("cid").asText(null));
    }

    @Test
    void blueskyPrivateReplyIsAChatMessageSentOnceWhenReconciled() {
        String did = "did:plc:dm" + UUID.randomUUID().toString().substring(0, 8);
        String post = BLUESKY.othersPost(did, "lea.bsky.social", "3llea00000001", "Commande perdue", null, null);
        Interaction target = new Interaction("https://bsky.app/profile/lea.bsky.social/post/3llea00000001", post, "@lea.bsky.social");
        Outcome.Published sent = assertInstanceOf(Outcome.Published.class,
                bluesky.reply(blueskyAccount(), target, "Votre numéro de commande ?", true, UUID.randomUUID().toString(), false)
                        .await().atMost(WAIT));
        Outcome again = bluesky.reply(blueskyAccount(), target, "Votre numéro de commande ?", true, UUID.randomUUID().toString(), true)
                .await().atMost(WAIT);
        assertEquals(sent, again, "a reconciling attempt finds the message already in the conversation");
        assertEquals(1, BLUESKY.messagesWith(did).size());

        String closed = "did:plc:closed" + UUID.randomUUID().toString().substring(0, 6);
        String theirs = BLUESKY.othersPost(closed, "ferme.bsky.social", "3lferme000001", "...", null, null);
        BLUESKY.closeInbox(closed);
        Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class, bluesky.reply(blueskyAccount(),
                new Interaction(null, theirs, null), "Bonjour", true, UUID.randomUUID().toString(), false).await().atMost(WAIT));
        assertTrue(refused.reason().contains("disabled incoming messages"), refused.reason());
    }

    @Test
    void blueskyHidesARepliesInTheBrandsThreadWithTheThreadgateAndMutesOthers() {
        String root = BLUESKY.ownPost("3lbrandroot02", "Concours de Noël");
        String did = "did:plc:spam" + UUID.randomUUID().toString().substring(0, 6);
        String spam = BLUESKY.othersPost(did, "spam.bsky.social", "3lspam000001", "Gagnez des cryptos", root, root);
        Interaction target = new Interaction(null, spam, "@spam.bsky.social");
        assertInstanceOf(Outcome.Published.class, bluesky.hide(blueskyAccount(), target, true).await().atMost(WAIT));
        String gate = "at://" + FakeBluesky.did() + "/app.bsky.feed.threadgate/3lbrandroot02";
        assertEquals(spam, BLUESKY.record(gate).path("hiddenReplies").path(0).asText());
        assertEquals(root, BLUESKY.record(gate).path("post").asText());
        assertInstanceOf(Outcome.Published.class, bluesky.hide(blueskyAccount(), target, false).await().atMost(WAIT));
        assertEquals(0, BLUESKY.record(gate).path("hiddenReplies").size());

        String otherRoot = BLUESKY.othersPost(did, "spam.bsky.social", "3lspamroot01", "Mon fil", null, null);
        String inOtherThread = BLUESKY.othersPost(did, "spam.bsky.social", "3lspam000002", "@cafe regardez", otherRoot, otherRoot);
        assertInstanceOf(Outcome.Published.class, bluesky.hide(blueskyAccount(), new Interaction(null, inOtherThread, null), true)
                .await().atMost(WAIT));
        assertTrue(BLUESKY.threadMuted(otherRoot));
    }

    @Test
    void blueskyDeletesOnlyItsOwnPosts() {
        String own = BLUESKY.ownPost("3lbrandoops01", "Mauvais lien");
        assertInstanceOf(Outcome.Published.class, bluesky.delete(blueskyAccount(), new Interaction(null, own, null)).await().atMost(WAIT));
        assertEquals(null, BLUESKY.record(own));
        String theirs = BLUESKY.othersPost("did:plc:someone", "someone.bsky.social", "3lsome000001", "Hello", null, null);
        assertInstanceOf(Outcome.Permanent.class, bluesky.delete(blueskyAccount(), new Interaction(null, theirs, null)).await().atMost(WAIT));
        BLUESKY.script("com.atproto.repo.deleteRecord", 429, Map.of("RateLimit-Reset",
                Long.toString(AdapterTest.CLOCK.instant().plusSeconds(60).getEpochSecond())), "{\"error\":\"RateLimitExceeded\"}");
        Outcome.Retry limited = assertInstanceOf(Outcome.Retry.class,
                bluesky.delete(blueskyAccount(), new Interaction(null, BLUESKY.ownPost("3lbrandoops02", "x"), null)).await().atMost(WAIT));
        assertEquals(Duration.ofSeconds(60), limited.after());
    }
}
