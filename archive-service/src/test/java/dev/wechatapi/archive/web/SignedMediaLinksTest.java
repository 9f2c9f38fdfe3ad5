package dev.wechatapi.archive.web;

import static dev.wechatapi.archive.TestEvents.friend;
import static dev.wechatapi.archive.TestEvents.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import dev.wechatapi.media.MediaLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The archive with {@code wechat.media.link-secrets} set: every media URL it renders is a link the gateway accepts
 * without the app's credential, for the calling app only, until the configured lifetime has passed.
 */
@TestPropertySource(properties = {
    "wechat.media.link-secrets=" + SignedMediaLinksTest.CURRENT_SECRET + "," + SignedMediaLinksTest.PREVIOUS_SECRET,
    "wechat.archive.media-link-lifetime=15m"})
// Its own application context, closed afterwards so the shared one is again the only consumer of the topics.
@DirtiesContext
class SignedMediaLinksTest extends ArchiveServiceTest {

    static final String CURRENT_SECRET = "current-media-link-secret-0123456789abcdef";
    static final String PREVIOUS_SECRET = "previous-media-link-secret-0123456789abcdef";

    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    // What the gateway verifies with; the old secret alone must not do, since links are signed with the newest.
    private final MediaLinks gateway = new MediaLinks(List.of(CURRENT_SECRET, PREVIOUS_SECRET));
    private final MediaLinks previousSecretOnly = new MediaLinks(List.of(PREVIOUS_SECRET));

    @Autowired
    DatabaseClient db;

    @Test
    void pictureUrlIsALinkSignedForTheCallingAppAndNoOther() {
        String appId = newAppId();
        archive(appId, message(appId, 1, MessageType.Picture, 3, media("img-1")));

        Instant before = Instant.now();
        String image = contentField(appId, "/messages?type=Picture", "image");
        Instant after = Instant.now();

        UriComponents link = UriComponentsBuilder.fromUriString(image).build();
        assertThat(link.getScheme() + "://" + link.getHost() + ":" + link.getPort() + link.getPath())
                .isEqualTo("http://localhost:" + port + "/media/img-1");
        MultiValueMap<String, String> query = link.getQueryParams();
        assertThat(query.keySet()).containsExactly("app", "exp", "sig");
        assertThat(query.getFirst("app")).isEqualTo(appId);
        long exp = Long.parseLong(query.getFirst("exp"));
        String sig = query.getFirst("sig");

        assertThat(gateway.verify(appId, "img-1", exp, sig, after)).isTrue();
        assertThat(gateway.verify(newAppId(), "img-1", exp, sig, after)).isFalse();
        assertThat(gateway.verify(appId, "img-2", exp, sig, after)).isFalse();
        assertThat(previousSecretOnly.verify(appId, "img-1", exp, sig, after)).isFalse();
        assertThat(exp).isBetween(before.plus(LIFETIME).getEpochSecond(), after.plus(LIFETIME).getEpochSecond());
        assertThat(gateway.verify(appId, "img-1", exp, sig, Instant.ofEpochSecond(exp))).isFalse();
    }

    @Test
    void voiceFileVideoAndCardAvatarAreSignedAndMissingMediaStaysNull() {
        String appId = newAppId();
        MessageContent card = new MessageContent(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, new MessageContent.Card("@u", "名片", null, null, null, null, 1, "av-1"));
        archive(appId,
                message(appId, 1, MessageType.Recording, 34, media("voice-1")),
                message(appId, 2, MessageType.Attachment, 49, media("file-1")),
                message(appId, 3, MessageType.Video, 43, media("video-1")),
                message(appId, 4, MessageType.Card, 42, card),
                message(appId, 5, MessageType.Picture, 3, media(null)));

        assertSignedFor(appId, "voice-1", contentField(appId, "/messages?type=Recording", "record"));
        assertSignedFor(appId, "file-1", contentField(appId, "/messages?type=Attachment", "file"));
        assertSignedFor(appId, "video-1", contentField(appId, "/messages?type=Video", "video"));
        assertSignedFor(appId, "av-1", contentField(appId, "/messages?type=Card", "avatar"));
        get(appId, "/messages?type=Picture").expectBody()
                .jsonPath("$.results[0].content.image").isEmpty();
    }

    @Test
    void avatarsOfFriendsGroupsAndMembersAreLinksSignedForTheCallingApp() {
        String appId = newAppId();
        Contact member = friend("u1", "成员", null, 2, null, null);
        Contact group = new Contact("g1", ContactKind.GROUP, "@@g1", "群", null, null, null, 0, null, null,
                "avatar-g1", List.of(member));
        Contact withoutAvatar = new Contact("p2", ContactKind.FRIEND, "@p2", "无头像", null, null, null, 1, null, null,
                null, List.of());
        applySnapshot(appId, List.of(friend("p1", "One", null, 1, null, null), withoutAvatar, group));

        assertSignedFor(appId, "avatar-p1", field(appId, "/friends?puid=p1", "$.results[0].avatar"));
        assertSignedFor(appId, "avatar-g1", field(appId, "/groups", "$.results[0].avatar"));
        assertSignedFor(appId, "avatar-u1", field(appId, "/members/g1", "$.results[0].avatar"));
        get(appId, "/friends?puid=p2").expectBody().jsonPath("$.results[0].avatar").isEmpty();
    }

    private void assertSignedFor(String appId, String mediaId, String url) {
        UriComponents link = UriComponentsBuilder.fromUriString(url).build();
        assertThat(link.getPath()).isEqualTo("/media/" + mediaId);
        MultiValueMap<String, String> query = link.getQueryParams();
        assertThat(query.getFirst("app")).isEqualTo(appId);
        assertThat(gateway.verify(appId, mediaId, Long.parseLong(query.getFirst("exp")), query.getFirst("sig"),
                Instant.now())).as(url).isTrue();
    }

    private String contentField(String appId, String uri, String field) {
        return field(appId, uri, "$.results[0].content." + field);
    }

    private String field(String appId, String uri, String jsonPath) {
        String[] value = new String[1];
        get(appId, uri).expectStatus().isOk().expectBody()
                .jsonPath(jsonPath).value(url -> value[0] = (String) url);
        assertThat(value[0]).as(uri + " " + jsonPath).isNotNull();
        return value[0];
    }

    private static MessageContent media(String mediaId) {
        return new MessageContent(null, null, null, null, null, null, null, null, null, mediaId, null, null, null,
                null, null, null, null);
    }

    private static MessageEvent message(String appId, long msgId, MessageType type, int rawType,
            MessageContent content) {
        return received(appId, msgId, type, rawType, new Party("f1", ContactKind.FRIEND, "f1"), null, false, content,
                T0.plusSeconds(msgId));
    }

    private void archive(String appId, MessageEvent... events) {
        for (MessageEvent event : events) {
            publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(event));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(events.length).equals(db.sql(
                        "SELECT COUNT(*) FROM messages WHERE app_id = :appId")
                .bind("appId", appId).map(row -> row.get(0, Long.class)).one().block()));
    }

    private void applySnapshot(String appId, List<Contact> contacts) {
        publish(Topics.CONTACTS, appId,
                WeChatEvents.contactsSnapshot(new ContactsSnapshot(appId, TestEvents.self(), contacts, T0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(db.sql(
                        "SELECT COUNT(*) FROM contact_snapshots WHERE app_id = :appId")
                .bind("appId", appId).map(row -> row.get(0, Long.class)).one().block()));
    }

    private WebTestClient.ResponseSpec get(String appId, String uri) {
        return web.get().uri(uri).header("X-Wechat-App-Id", appId).exchange();
    }
}
