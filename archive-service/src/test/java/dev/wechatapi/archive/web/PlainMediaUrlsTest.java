package dev.wechatapi.archive.web;

import static dev.wechatapi.archive.TestEvents.friend;
import static dev.wechatapi.archive.TestEvents.received;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The archive without {@code wechat.media.link-secrets}: media URLs are plain, the client sends its credential. */
class PlainMediaUrlsTest extends ArchiveServiceTest {

    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    @Autowired
    DatabaseClient db;

    @Test
    void withoutLinkSecretsMediaUrlsAreUnsignedGatewayUrls() {
        String appId = newAppId();
        MessageContent picture = new MessageContent(null, null, null, null, null, null, null, null, null, "img-1", 480,
                640, null, null, null, null, null);
        publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(received(appId, 1, MessageType.Picture, 3,
                new Party("p1", ContactKind.FRIEND, "p1"), null, false, picture, T0)));
        publish(Topics.CONTACTS, appId, WeChatEvents.contactsSnapshot(new ContactsSnapshot(appId, TestEvents.self(),
                List.of(friend("p1", "One", null, 1, null, null)), T0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(2).equals(db.sql(
                        "SELECT (SELECT COUNT(*) FROM messages WHERE app_id = :appId)"
                                + " + (SELECT COUNT(*) FROM contact_snapshots WHERE app_id = :appId)")
                .bind("appId", appId).map(row -> row.get(0, Long.class)).one().block()));

        web.get().uri("/messages?type=Picture").header("X-Wechat-App-Id", appId).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].content.image").isEqualTo("http://localhost:" + port + "/media/img-1");
        web.get().uri("/friends?puid=p1").header("X-Wechat-App-Id", appId).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].avatar").isEqualTo("http://localhost:" + port + "/media/avatar-p1");
    }
}
