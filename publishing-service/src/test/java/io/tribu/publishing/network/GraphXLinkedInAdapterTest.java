package io.tribu.publishing.network;

import io.tribu.publishing.channel.ChannelCredentials;
import io.tribu.publishing.network.fake.FakeGraph;
import io.tribu.publishing.network.fake.FakeLinkedIn;
import io.tribu.publishing.network.fake.FakeX;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tribu.publishing.network.AdapterTest.HTTP;
import static io.tribu.publishing.network.AdapterTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** X, Facebook Page, Instagram and LinkedIn adapters against local servers speaking their APIs and errors. */
class GraphXLinkedInAdapterTest {

    static final FakeX X = new FakeX();
    static final FakeGraph GRAPH = new FakeGraph();
    static final FakeLinkedIn LINKEDIN = new FakeLinkedIn();

    final XAdapter x = new XAdapter(HTTP, AdapterTest.FETCH);
    final FacebookAdapter facebook = new FacebookAdapter(HTTP);
    final InstagramAdapter instagram = new InstagramAdapter(HTTP);
    final LinkedInAdapter linkedin = new LinkedInAdapter(HTTP, AdapterTest.FETCH);

    @AfterAll
    static void stop() {
        X.close();
        GRAPH.close();
        LINKEDIN.close();
    }

    static Account account(String baseUrl, String handle, String token) {
        return new Account(UUID.randomUUID(), baseUrl, handle, new ChannelCredentials(token, "refresh", null, null, null));
    }

    static Account xAccount() {
        return account(X.baseUrl(), "@cafelumiere", FakeX.TOKEN);
    }

    static Account page() {
        return account(GRAPH.baseUrl(), FakeGraph.PAGE, FakeGraph.TOKEN);
    }

    static Account ig() {
        return account(GRAPH.baseUrl(), FakeGraph.IG_USER, FakeGraph.TOKEN);
    }

    static Account organization() {
        return account(LINKEDIN.baseUrl(), FakeLinkedIn.ORGANIZATION, FakeLinkedIn.TOKEN);
    }

    static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void xPublishesAndAReconcilingAttemptFindsTheTweetInsteadOfPostingAgain() {
        String text = unique("Chocolat chaud offert ce soir");
        Outcome.Published first = assertInstanceOf(Outcome.Published.class,
                x.publish(xAccount(), text, List.of(), "k", false).await().atMost(WAIT));
        assertTrue(first.url().endsWith(first.externalId()));
        long posts = X.postRequests();
        assertEquals(first, x.publish(xAccount(), text, List.of(), "k", true).await().atMost(WAIT));
        assertEquals(posts, X.postRequests(), "found among the account's tweets: no second POST");

        Outcome.Permanent duplicate = assertInstanceOf(Outcome.Permanent.class,
                x.publish(xAccount(), text, List.of(), "k2", false).await().atMost(WAIT));
        assertTrue(duplicate.reason().contains("duplicate content"), duplicate.reason());
        assertEquals(new Engagement(12, 3, 5, 950L), x.engagement(xAccount(), first.externalId()).await().atMost(WAIT));
    }

    @Test
    void xErrorsMapToOutcomes() {
        assertInstanceOf(Outcome.AuthExpired.class,
                x.publish(account(X.baseUrl(), "@cafe", "expired"), "x", List.of(), "k", false).await().atMost(WAIT));
        X.script("/2/tweets", 429, Map.of("x-rate-limit-reset", Long.toString(AdapterTest.CLOCK.instant().plusSeconds(120).getEpochSecond())),
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"status\":429}");
        Outcome.Retry limited = assertInstanceOf(Outcome.Retry.class,
                x.publish(xAccount(), unique("x"), List.of(), "k", false).await().atMost(WAIT));
        assertEquals(Duration.ofSeconds(120), limited.after());
        X.script("/2/tweets", 503, Map.of("Retry-After", "7"), "{\"title\":\"Service Unavailable\"}");
        assertEquals(Duration.ofSeconds(7), assertInstanceOf(Outcome.Retry.class,
                x.publish(xAccount(), unique("x"), List.of(), "k", false).await().atMost(WAIT)).after());
    }

    @Test
    void xRepliesHidesDeletesAndMessages() {
        String own = X.ownTweet(unique("Nouvelle carte"));
        String comment = X.othersTweet("2244994945", "Et les horaires ?", own);
        Interaction target = new Interaction("https://x.com/julien/status/" + comment, null, "@julien");
        Outcome.Published reply = assertInstanceOf(Outcome.Published.class,
                x.reply(xAccount(), target, unique("De 8 h à 19 h"), false, "a1", false).await().atMost(WAIT));
        assertEquals(comment, X.tweetById(reply.externalId()).get("in_reply_to"));

        assertInstanceOf(Outcome.Published.class, x.hide(xAccount(), target, true).await().atMost(WAIT));
        assertTrue(X.isHidden(comment));
        assertInstanceOf(Outcome.Published.class, x.hide(xAccount(), target, false).await().atMost(WAIT));
        assertFalse(X.isHidden(comment));

        String text = unique("Votre numéro de commande ?");
        assertInstanceOf(Outcome.Published.class, x.reply(xAccount(), target, text, true, "a2", false).await().atMost(WAIT));
        assertInstanceOf(Outcome.Published.class, x.reply(xAccount(), target, text, true, "a2", true).await().atMost(WAIT));
        assertEquals(1, X.messagesWith("2244994945").size(), "the reconciling attempt found the message");

        Outcome.Permanent notOurs = assertInstanceOf(Outcome.Permanent.class, x.delete(xAccount(), target).await().atMost(WAIT));
        assertTrue(notOurs.reason().contains("only its own posts"));
        assertInstanceOf(Outcome.Published.class, x.delete(xAccount(), new Interaction(null, own, null)).await().atMost(WAIT));
        assertFalse(X.exists(own));
    }

    @Test
    void xRefusesClearlyWhatCannotBeDoneToADeletedReplyAndTakesItsDeletionAsDone() {
        String own = X.ownTweet(unique("Menu du jour"));
        String comment = X.othersTweet("2244994945", "Trop cher", own);
        Interaction target = new Interaction("https://x.com/julien/status/" + comment, comment, "@julien");
        X.deleteOnX(comment);

        Outcome.Permanent hide = assertInstanceOf(Outcome.Permanent.class, x.hide(xAccount(), target, true).await().atMost(WAIT));
        assertTrue(hide.reason().startsWith("the post is no longer on X (Could not find tweet with id: [" + comment + "]"), hide.reason());
        Outcome.Permanent reply = assertInstanceOf(Outcome.Permanent.class,
                x.reply(xAccount(), target, unique("Désolé"), false, "a3", false).await().atMost(WAIT));
        assertTrue(reply.reason().contains("deleted or not visible"), reply.reason());
        assertInstanceOf(Outcome.Published.class, x.delete(xAccount(), new Interaction(null, comment, null)).await().atMost(WAIT),
                "already gone: what a delete wants");

        X.script("/hidden", 429, Map.of("x-rate-limit-reset", Long.toString(AdapterTest.CLOCK.instant().plusSeconds(120).getEpochSecond())),
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}");
        Outcome.Retry later = assertInstanceOf(Outcome.Retry.class,
                x.hide(xAccount(), new Interaction(null, X.othersTweet("2244994946", "Bof", own), null), true).await().atMost(WAIT));
        assertEquals(Duration.ofSeconds(120), later.after(), "until X's reset");
    }

    @Test
    void facebookPagePostsOnceAndMapsGraphErrors() {
        String text = unique("Réveillon au café");
        Outcome.Published post = assertInstanceOf(Outcome.Published.class,
                facebook.publish(page(), text, List.of(), "k", false).await().atMost(WAIT));
        assertTrue(post.externalId().startsWith(FakeGraph.PAGE + "_"));
        long before = GRAPH.count(FakeGraph.PAGE);
        assertEquals(post.externalId(), assertInstanceOf(Outcome.Published.class,
                facebook.publish(page(), text, List.of(), "k", true).await().atMost(WAIT)).externalId());
        assertEquals(before, GRAPH.count(FakeGraph.PAGE));

        Outcome.Permanent duplicate = assertInstanceOf(Outcome.Permanent.class,
                facebook.publish(page(), text, List.of(), "k2", false).await().atMost(WAIT));
        assertTrue(duplicate.reason().contains("code 506"), duplicate.reason());
        assertInstanceOf(Outcome.AuthExpired.class,
                facebook.publish(account(GRAPH.baseUrl(), FakeGraph.PAGE, "old"), "x", List.of(), "k", false).await().atMost(WAIT));
        GRAPH.script("/feed", 400, Map.of(), "{\"error\":{\"message\":\"(#32) Page request limit reached\",\"code\":32}}");
        assertInstanceOf(Outcome.Retry.class, facebook.publish(page(), unique("x"), List.of(), "k", false).await().atMost(WAIT));
        GRAPH.script("/feed", 429, Map.of("Retry-After", "30"), "{\"error\":{\"message\":\"Too many calls\",\"code\":4}}");
        assertEquals(Duration.ofSeconds(30), assertInstanceOf(Outcome.Retry.class,
                facebook.publish(page(), unique("x"), List.of(), "k", false).await().atMost(WAIT)).after());
        GRAPH.script("/feed", 500, Map.of(), "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}");
        assertInstanceOf(Outcome.Retry.class, facebook.publish(page(), unique("x"), List.of(), "k", false).await().atMost(WAIT));
        assertEquals(new Engagement(14, 5, 2, null), facebook.engagement(page(), post.externalId()).await().atMost(WAIT));
    }

    @Test
    void facebookCommentsAreHiddenAnsweredPrivatelyOnceAndDeleted() {
        String post = assertInstanceOf(Outcome.Published.class,
                facebook.publish(page(), unique("Concours"), List.of(), "k", false).await().atMost(WAIT)).externalId();
        String comment = GRAPH.comment(post, "Arnaque !!");
        Interaction target = new Interaction("https://www.facebook.com/" + comment, comment, "Julien");
        assertInstanceOf(Outcome.Published.class, facebook.hide(page(), target, true).await().atMost(WAIT));
        assertEquals(true, GRAPH.get(comment).get("hidden"));
        assertInstanceOf(Outcome.Published.class, facebook.hide(page(), target, false).await().atMost(WAIT));
        assertEquals(false, GRAPH.get(comment).get("hidden"));

        String text = unique("Bonjour, nous regardons");
        assertInstanceOf(Outcome.Published.class, facebook.reply(page(), target, text, false, "r", false).await().atMost(WAIT));
        assertInstanceOf(Outcome.Published.class, facebook.reply(page(), target, text, false, "r", true).await().atMost(WAIT));
        assertEquals(1, GRAPH.childrenOf(comment).size(), "the reconciling attempt found the reply");

        assertInstanceOf(Outcome.Published.class, facebook.reply(page(), target, "Écrivez-nous", true, "p", false).await().atMost(WAIT));
        assertEquals("Écrivez-nous", GRAPH.privateReplyTo(comment));
        assertInstanceOf(Outcome.Published.class, facebook.reply(page(), target, "Écrivez-nous", true, "p", true).await().atMost(WAIT),
                "a second private reply is refused with 10900: the first went through");
        assertInstanceOf(Outcome.Permanent.class, facebook.reply(page(), target, "Encore", true, "p2", false).await().atMost(WAIT));

        assertInstanceOf(Outcome.Published.class, facebook.delete(page(), target).await().atMost(WAIT));
        assertNull(GRAPH.get(comment));
        assertInstanceOf(Outcome.Published.class, facebook.delete(page(), target).await().atMost(WAIT), "already gone is done");
    }

    @Test
    void instagramNeedsMediaPublishesThroughAContainerAndModeratesComments() {
        assertEquals("Instagram needs an image or a video to publish", assertInstanceOf(Outcome.Permanent.class,
                instagram.publish(ig(), "Sans image", List.of(), "k", false).await().atMost(WAIT)).reason());
        String caption = unique("Bûche du jour #noel");
        Outcome.Published media = assertInstanceOf(Outcome.Published.class, instagram.publish(ig(), caption,
                List.of("https://cdn.example/buche.jpg"), "k", false).await().atMost(WAIT));
        assertTrue(media.url().startsWith("https://www.instagram.com/p/"), media.url());
        assertEquals(media, instagram.publish(ig(), caption, List.of("https://cdn.example/buche.jpg"), "k", true).await().atMost(WAIT));
        assertEquals(new Engagement(21, 6, 0, null), instagram.engagement(ig(), media.externalId()).await().atMost(WAIT));

        String comment = GRAPH.comment(media.externalId(), "Spam spam");
        Interaction target = new Interaction("https://www.instagram.com/p/x/", comment, "spammer");
        assertInstanceOf(Outcome.Published.class, instagram.hide(ig(), target, true).await().atMost(WAIT));
        assertEquals(true, GRAPH.get(comment).get("hidden"));
        assertInstanceOf(Outcome.Published.class, instagram.reply(ig(), target, "Merci !", false, "r", false).await().atMost(WAIT));
        assertEquals(1, GRAPH.childrenOf(comment).size());
        assertInstanceOf(Outcome.Published.class, instagram.delete(ig(), target).await().atMost(WAIT));
        assertInstanceOf(Outcome.AuthExpired.class, instagram.hide(account(GRAPH.baseUrl(), FakeGraph.IG_USER, "old"), target, true)
                .await().atMost(WAIT));
    }

    @Test
    void instagramPublishesSeveralMediaAsOneCarousel() {
        String caption = unique("Trois bûches, une vidéo");
        List<String> media = List.of("https://cdn.example/a.jpg", "https://cdn.example/b.jpg", "https://cdn.example/c.JPG",
                "https://cdn.example/atelier.mp4");
        Outcome.Published carousel = assertInstanceOf(Outcome.Published.class,
                instagram.publish(ig(), caption, media, "k", false).await().atMost(WAIT));
        assertEquals("CAROUSEL_ALBUM", GRAPH.get(carousel.externalId()).get("media_type"));
        assertEquals(List.of("IMAGE", "IMAGE", "IMAGE", "VIDEO"), GRAPH.get(carousel.externalId()).get("children"));
        assertEquals(caption, GRAPH.get(carousel.externalId()).get("caption"));
        assertEquals(carousel, instagram.publish(ig(), caption, media, "k", true).await().atMost(WAIT), "found again, not posted twice");
        assertEquals(1, GRAPH.publishedWith(caption));

        GRAPH.script("/media", 400, Map.of(), "{\"error\":{\"message\":\"Only photo or video can be accepted as media type.\","
                + "\"type\":\"OAuthException\",\"code\":9004,\"error_subcode\":2207052}}");
        Outcome.Permanent refused = assertInstanceOf(Outcome.Permanent.class,
                instagram.publish(ig(), unique("Refusée"), media.subList(0, 2), "k2", false).await().atMost(WAIT));
        assertTrue(refused.reason().contains("code 9004"), refused.reason());
        GRAPH.script("/media", 400, Map.of(), "{\"error\":{\"message\":\"Application request limit reached\","
                + "\"type\":\"OAuthException\",\"code\":4}}");
        assertInstanceOf(Outcome.Retry.class, instagram.publish(ig(), unique("Plus tard"), media.subList(0, 2), "k3", false)
                .await().atMost(WAIT));
    }

    @Test
    void linkedInPostsWithItsVersionHeaderAndRecognisesItsOwnDuplicateWhenReconciling() {
        String text = unique("Nous recrutons un barista");
        Outcome.Published post = assertInstanceOf(Outcome.Published.class,
                linkedin.publish(organization(), text, List.of(), "k", false).await().atMost(WAIT));
        assertTrue(post.externalId().startsWith("urn:li:share:"));
        assertEquals(FakeLinkedIn.ORGANIZATION, LINKEDIN.post(post.externalId()).path("author").asText());
        assertEquals("PUBLIC", LINKEDIN.post(post.externalId()).path("visibility").asText());
        assertEquals(post, linkedin.publish(organization(), text, List.of(), "k", true).await().atMost(WAIT));
        assertInstanceOf(Outcome.Permanent.class, linkedin.publish(organization(), text, List.of(), "k2", false).await().atMost(WAIT));

        assertInstanceOf(Outcome.AuthExpired.class,
                linkedin.publish(account(LINKEDIN.baseUrl(), FakeLinkedIn.ORGANIZATION, "revoked"), "x", List.of(), "k", false)
                        .await().atMost(WAIT));
        LINKEDIN.script("/rest/posts", 429, Map.of("Retry-After", "60"), "{\"status\":429,\"message\":\"Resource level throttle\"}");
        assertEquals(Duration.ofSeconds(60), assertInstanceOf(Outcome.Retry.class,
                linkedin.publish(organization(), unique("x"), List.of(), "k", false).await().atMost(WAIT)).after());
        LINKEDIN.script("/rest/posts", 504, Map.of(), "{\"status\":504,\"message\":\"Gateway timeout\"}");
        assertInstanceOf(Outcome.Retry.class, linkedin.publish(organization(), unique("x"), List.of(), "k", false).await().atMost(WAIT));
        assertInstanceOf(Outcome.Permanent.class,
                linkedin.publish(account(LINKEDIN.baseUrl(), "Café Lumière", FakeLinkedIn.TOKEN), "x", List.of(), "k", false)
                        .await().atMost(WAIT));
        assertEquals(new Engagement(31, 4, 0, null), linkedin.engagement(organization(), post.externalId()).await().atMost(WAIT));
    }

    @Test
    void linkedInRepliesToACommentOnceAndDeletesIt() {
        String post = assertInstanceOf(Outcome.Published.class, linkedin.publish(organization(), unique("Nouvelle carte"),
                List.of(), "k", false).await().atMost(WAIT)).externalId();
        String camille = LINKEDIN.comment(post, "urn:li:person:camille42", "Vous ouvrez le dimanche ?");
        // Moderation may give the comment's URL, which carries its URN encoded.
        Interaction byUrl = new Interaction("https://www.linkedin.com/feed/update/" + post + "?commentUrn="
                + java.net.URLEncoder.encode(camille, java.nio.charset.StandardCharsets.UTF_8), null, "Camille");
        Outcome.Published reply = assertInstanceOf(Outcome.Published.class,
                linkedin.reply(organization(), byUrl, "Oui, de 9 h à 13 h !", false, "a1", false).await().atMost(WAIT));
        assertEquals(reply, linkedin.reply(organization(), byUrl, "Oui, de 9 h à 13 h !", false, "a1", true).await().atMost(WAIT),
                "a reconciled reply finds the first one");
        List<Map<String, Object>> replies = LINKEDIN.commentsUnder(camille);
        assertEquals(1, replies.size());
        assertEquals(reply.externalId(), replies.get(0).get("commentUrn"));
        assertEquals(FakeLinkedIn.ORGANIZATION, replies.get(0).get("actor"));
        assertEquals(post, replies.get(0).get("object"));
        assertTrue(reply.url().startsWith("https://www.linkedin.com/feed/update/" + post + "?commentUrn="), reply.url());

        Interaction byUrn = new Interaction(null, camille, "Camille");
        assertEquals(new Outcome.Published(null, null), linkedin.delete(organization(), byUrn).await().atMost(WAIT));
        assertFalse(LINKEDIN.hasComment(camille));
        assertEquals(new Outcome.Published(null, null), linkedin.delete(organization(), byUrn).await().atMost(WAIT),
                "already deleted: done");

        String elsewhere = LINKEDIN.comment("urn:li:activity:7250000000000000001", "urn:li:person:louis", "Bof");
        assertEquals("Not enough permissions to access: partnerApiSocialActions.DELETE.20241101", assertInstanceOf(
                Outcome.Permanent.class, linkedin.delete(organization(), new Interaction(null, elsewhere, "Louis"))
                        .await().atMost(WAIT)).reason());
        assertInstanceOf(Outcome.Permanent.class, linkedin.reply(organization(), new Interaction(null, camille, "Camille"),
                "Trop tard", false, "a2", false).await().atMost(WAIT), "the comment is gone");
        LINKEDIN.script("/comments", 429, Map.of("Retry-After", "30"), "{\"status\":429,\"message\":\"Resource level throttle limit\"}");
        assertEquals(Duration.ofSeconds(30), assertInstanceOf(Outcome.Retry.class, linkedin.reply(organization(),
                new Interaction(null, elsewhere, "Louis"), "Merci", false, "a3", false).await().atMost(WAIT)).after());
        assertInstanceOf(Outcome.AuthExpired.class, linkedin.delete(account(LINKEDIN.baseUrl(), FakeLinkedIn.ORGANIZATION, "revoked"),
                new Interaction(null, elsewhere, "Louis")).await().atMost(WAIT));
        assertEquals("not a LinkedIn comment (urn:li:comment:(…) expected): " + post, assertInstanceOf(Outcome.Permanent.class,
                linkedin.delete(organization(), new Interaction(null, post, "Café")).await().atMost(WAIT)).reason());
        assertEquals("linkedin does not support hide", assertInstanceOf(Outcome.Permanent.class,
                linkedin.hide(organization(), byUrn, true).await().atMost(WAIT)).reason());
        assertEquals("linkedin does not support a private reply", assertInstanceOf(Outcome.Permanent.class,
                linkedin.reply(organization(), byUrn, "Bonjour", true, "a4", false).await().atMost(WAIT)).reason());
    }

    @Test
    void xAndLinkedInRefreshTheirTokens() {
        String refresh = X.issueRefreshToken();
        Account expired = new Account(UUID.randomUUID(), X.baseUrl(), "@cafe",
                new ChannelCredentials("old", refresh, null, null, null, FakeX.CLIENT_ID, null));
        ChannelCredentials fresh = x.refresh(expired).await().atMost(WAIT);
        assertTrue(X.accepts(fresh.accessToken()));
        assertNotEquals(refresh, fresh.refreshToken());
        assertInstanceOf(RefreshRefused.class, org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> x.refresh(expired).await().atMost(WAIT)), "an X refresh token is single-use");
        assertNull(x.refresh(xAccount()).await().atMost(WAIT), "no refresh token or client: nothing to refresh");

        Account linkedInExpired = new Account(UUID.randomUUID(), LINKEDIN.baseUrl(), FakeLinkedIn.ORGANIZATION,
                new ChannelCredentials("old", FakeLinkedIn.REFRESH_TOKEN, null, null, null, FakeLinkedIn.CLIENT_ID,
                        FakeLinkedIn.CLIENT_SECRET));
        ChannelCredentials linkedInFresh = linkedin.refresh(linkedInExpired).await().atMost(WAIT);
        assertTrue(LINKEDIN.accepts(linkedInFresh.accessToken()));
        assertEquals(FakeLinkedIn.REFRESH_TOKEN, linkedInFresh.refreshToken(), "LinkedIn keeps the refresh token");
        assertNull(facebook.refresh(page()).await().atMost(WAIT), "without the Meta app, nothing to exchange");
    }

    static Account meta(String handle, String token, String secret, Instant expiresAt) {
        return new Account(UUID.randomUUID(), GRAPH.baseUrl(), handle,
                new ChannelCredentials(token, null, expiresAt, null, null, FakeGraph.APP_ID, secret));
    }

    @Test
    void metaTokensAreExchangedForLongLivedOnesAheadOfTheirExpiry() {
        Instant now = AdapterTest.CLOCK.instant();
        Account soon = meta(FakeGraph.PAGE, FakeGraph.TOKEN, FakeGraph.APP_SECRET, now.plus(Duration.ofDays(3)));
        assertTrue(facebook.refreshDue(soon.credentials(), now));
        assertTrue(instagram.refreshDue(soon.credentials(), now));
        assertFalse(facebook.refreshDue(meta(FakeGraph.PAGE, FakeGraph.TOKEN, FakeGraph.APP_SECRET,
                now.plus(Duration.ofDays(30))).credentials(), now), "a month left: not yet");
        assertFalse(facebook.refreshDue(meta(FakeGraph.PAGE, FakeGraph.TOKEN, FakeGraph.APP_SECRET, null).credentials(), now),
                "a Page token that never expires");
        assertFalse(facebook.refreshDue(page().credentials(), now), "no app to exchange with");
        assertFalse(x.refreshDue(soon.credentials(), now), "X refreshes after a 401 instead");

        ChannelCredentials fresh = instagram.refresh(soon).await().atMost(WAIT);
        assertTrue(GRAPH.accepts(fresh.accessToken()));
        assertNotEquals(FakeGraph.TOKEN, fresh.accessToken());
        assertTrue(fresh.expiresAt().isAfter(now.plus(Duration.ofDays(59))), fresh.expiresAt().toString());
        assertEquals(FakeGraph.APP_ID, fresh.clientId());
        assertInstanceOf(Outcome.Published.class, facebook.publish(new Account(soon.channelId(), soon.baseUrl(), soon.handle(), fresh),
                unique("Avec le nouveau jeton"), List.of(), "k", false).await().atMost(WAIT));

        assertEquals("Error validating client secret. (code 1)", org.junit.jupiter.api.Assertions.assertThrows(RefreshRefused.class,
                () -> facebook.refresh(meta(FakeGraph.PAGE, FakeGraph.TOKEN, "wrong", now)).await().atMost(WAIT)).getMessage());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(RefreshRefused.class,
                () -> facebook.refresh(meta(FakeGraph.PAGE, "expired", FakeGraph.APP_SECRET, now)).await().atMost(WAIT))
                .getMessage().contains("(code 190)"), "an expired token cannot be exchanged");
    }
}
