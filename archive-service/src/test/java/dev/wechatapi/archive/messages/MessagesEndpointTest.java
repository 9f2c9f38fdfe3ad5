package dev.wechatapi.archive.messages;

import static dev.wechatapi.archive.TestEvents.received;
import static dev.wechatapi.archive.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class MessagesEndpointTest extends ArchiveServiceTest {

    // 10:01:24 in Asia/Shanghai, the default zone.
    private static final Instant T0 = Instant.parse("2020-02-12T02:01:24Z");

    @Autowired
    DatabaseClient db;

    @Test
    void textMessageIsRenderedInTheContractShapeWithLocalTimes() {
        String appId = newAppId();
        long id = 7_234_567_890_123_456_789L;
        archive(appId, text(appId, id, "f1", "你好 🌏", T0));

        get(appId, "/messages").expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(1)
                .jsonPath("$.results[0].id").isEqualTo(id)
                .jsonPath("$.results[0].id_str").isEqualTo(Long.toString(id))
                .jsonPath("$.results[0].content.message").isEqualTo(id)
                .jsonPath("$.results[0].content.text").isEqualTo("你好 🌏")
                .jsonPath("$.results[0].type.sender").isEqualTo("wxusermodel")
                .jsonPath("$.results[0].type.receiver").isEqualTo("wxusermodel")
                .jsonPath("$.results[0].msg_type").isEqualTo("Text")
                .jsonPath("$.results[0].create_time").isEqualTo("2020-02-12T10:01:24")
                .jsonPath("$.results[0].receive_time").isEqualTo("2020-02-12T10:01:25")
                .jsonPath("$.results[0].is_at").isEqualTo(false)
                .jsonPath("$.results[0].sender_puid").isEqualTo("f1")
                .jsonPath("$.results[0].receiver_puid").isEqualTo(TestEvents.SELF)
                .jsonPath("$.results[0].member").isEmpty();
    }

    @Test
    void contentFieldsFollowTheMessageType() {
        String appId = newAppId();
        Party group = new Party("g1", ContactKind.GROUP, "群");
        MessageContent picture = new MessageContent(null, null, null, null, null, null, null, null, null, "img-1", 480,
                640, null, null, null, null, null);
        MessageContent card = new MessageContent(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, new MessageContent.Card("@u", "名片", "alias", "广东", "广州", "sign", 2, "av-1"));
        MessageContent map = new MessageContent("位置", "https://map.example/1", 23.1, 113.2, 15, "天河", "0", "POI",
                "poi-1", null, null, null, null, null, null, null, null);
        archive(appId,
                received(appId, 1, MessageType.Picture, 3, group, "m1", true, picture, T0),
                received(appId, 2, MessageType.Card, 42, group, "m1", false, card, T0.plusSeconds(1)),
                received(appId, 3, MessageType.Map, 1, group, "m2", false, map, T0.plusSeconds(2)));

        get(appId, "/messages?type=Picture").expectBody()
                .jsonPath("$.results[0].content.image").value(url -> assertThat((String) url)
                        .matches("http://localhost:\\d+/media/img-1"))
                .jsonPath("$.results[0].content.img_height").isEqualTo(480)
                .jsonPath("$.results[0].content.img_width").isEqualTo(640)
                .jsonPath("$.results[0].content.text").doesNotExist()
                .jsonPath("$.results[0].type.sender").isEqualTo("wxgroupmodel")
                .jsonPath("$.results[0].member").isEqualTo("m1")
                .jsonPath("$.results[0].is_at").isEqualTo(true);
        get(appId, "/messages?type=Card").expectBody()
                .jsonPath("$.results[0].content.username").isEqualTo("@u")
                .jsonPath("$.results[0].content.nickname").isEqualTo("名片")
                .jsonPath("$.results[0].content.sign").isEqualTo("sign")
                .jsonPath("$.results[0].content.sex").isEqualTo(2)
                .jsonPath("$.results[0].content.avatar").value(url -> assertThat((String) url).endsWith("/media/av-1"));
        get(appId, "/messages?type=Map").expectBody()
                .jsonPath("$.results[0].content.x").isEqualTo(23.1)
                .jsonPath("$.results[0].content.maptype").isEqualTo("0")
                .jsonPath("$.results[0].content.poiname").isEqualTo("POI")
                .jsonPath("$.results[0].content.label").isEqualTo("天河")
                .jsonPath("$.results[0].content.text").isEqualTo("位置");
    }

    @Test
    void messagesAreFilteredByEveryDocumentedParameter() {
        String appId = newAppId();
        Party group = new Party("g1", ContactKind.GROUP, "群");
        archive(appId,
                text(appId, 11, "f1", "早上好", T0),
                text(appId, 12, "f2", "Lunch at noon?", T0.plusSeconds(3600)),
                received(appId, 13, MessageType.Text, 1, group, "m1", true, MessageContent.text("@me 100% sure"),
                        T0.plusSeconds(7200)));

        assertIds(appId, "/messages?sender_puid=f1", 11);
        assertIds(appId, "/messages?receiver_puid=" + TestEvents.SELF, 13, 12, 11);
        assertIds(appId, "/messages?is_at=true", 13);
        assertIds(appId, "/messages?is_at=0", 12, 11);
        assertIds(appId, "/messages?create_time=2020-02-12T11:01:24", 12);
        assertIds(appId, "/messages?receive_time=2020-02-12T10:01:25", 11);
        assertIds(appId, "/messages?create_time__gte=2020-02-12T11:01:24", 13, 12);
        assertIds(appId, "/messages?create_time__lte=2020-02-12T11:01:24", 12, 11);
        assertIds(appId, "/messages?search=lunch", 12);
        assertIds(appId, "/messages?search=100%", 13);
        assertIds(appId, "/messages?search=早上", 11);
        assertIds(appId, "/messages?type=Text&ordering=create_time", 11, 12, 13);
        assertIds(appId, "/messages?type=Picture");
    }

    @Test
    void pagesAreNewestFirstAndLinkedWithAbsoluteUrlsKeepingEveryParameter() {
        String appId = newAppId();
        for (int i = 1; i <= 5; i++) {
            archive(appId, text(appId, 100 + i, "f1", "消息 " + i, T0.plusSeconds(i)));
        }
        // Two messages with the same create_time are ordered by id, newest (highest) first.
        archive(appId, text(appId, 99, "f1", "same second", T0.plusSeconds(5)));

        web.get().uri("/messages?page_size=2&page=2&sender_puid=f1&access_token=abc")
                .header("X-Wechat-App-Id", appId)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "api.example.com")
                .header("X-Forwarded-Port", "443")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(6)
                .jsonPath("$.results[*].id").isEqualTo(List.of(104, 103))
                .jsonPath("$.next").isEqualTo(
                        "https://api.example.com/messages?page_size=2&page=3&sender_puid=f1&access_token=abc")
                .jsonPath("$.previous").isEqualTo(
                        "https://api.example.com/messages?page_size=2&sender_puid=f1&access_token=abc");
        assertIds(appId, "/messages?page_size=2", 105, 99);
        assertIds(appId, "/messages?page_size=2&page=3", 102, 101);
        get(appId, "/messages?page_size=2&page=3").expectBody().jsonPath("$.next").isEmpty();

        get(appId, "/messages?page_size=2&page=4").expectStatus().isNotFound().expectBody()
                .jsonPath("$.errmsg").isEqualTo("无效页面。")
                .jsonPath("$.code").isEqualTo("invalid_page");
    }

    @Test
    void replayingTheSameEventsLeavesTheArchiveUnchanged() {
        String appId = newAppId();
        List<MessageEvent> events = List.of(text(appId, 21, "f1", "一", T0), text(appId, 22, "f1", "二", T0));
        archive(appId, events.toArray(MessageEvent[]::new));
        Long before = rows();

        archive(appId, events.toArray(MessageEvent[]::new));
        archive(appId, text(appId, 23, "f1", "三", T0)); // read after the replays, on the same partition

        assertThat(rows()).isEqualTo(before + 1);
        get(appId, "/messages").expectBody().jsonPath("$.count").isEqualTo(3);
    }

    @Test
    void anotherAppsMessagesAreInvisible() {
        String mine = newAppId();
        String theirs = newAppId();
        archive(theirs, text(theirs, 31, "f1", "secret", T0));
        archive(mine, text(mine, 32, "f1", "mine", T0));

        assertIds(mine, "/messages", 32);
        assertIds(mine, "/messages?search=secret");
    }

    @Test
    void malformedParametersAreRefusedWith400InTheContractShape() {
        String appId = newAppId();
        for (String query : List.of("type=Sticker", "create_time=yesterday", "create_time__gte=2020-13-01T00:00:00",
                "receive_time=2020-02-12", "is_at=maybe", "page=abc", "page_size=0", "page_size=100000000000",
                "ordering=text")) {
            String parameter = query.substring(0, query.indexOf('='));
            get(appId, "/messages?" + query).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.code").isEqualTo("invalid_parameter")
                    .jsonPath("$.errmsg").value(message -> assertThat((String) message).startsWith(parameter + ":"));
        }
        web.get().uri("/messages").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
    }

    private void archive(String appId, MessageEvent... events) {
        for (MessageEvent event : events) {
            publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(event));
        }
        long last = events[events.length - 1].msgId();
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(db.sql(
                        "SELECT COUNT(*) FROM messages WHERE app_id = :appId AND msg_id = :id")
                .bind("appId", appId).bind("id", last)
                .map(row -> row.get(0, Long.class)).one().block()));
    }

    private Long rows() {
        return db.sql("SELECT COUNT(*) FROM messages").map(row -> row.get(0, Long.class)).one().block();
    }

    private void assertIds(String appId, String uri, long... ids) {
        List<Long> expected = Arrays.stream(ids).boxed().toList();
        get(appId, uri).expectStatus().isOk().expectBody()
                .jsonPath("$.results[*].id_str").isEqualTo(expected.stream().map(String::valueOf).toList());
    }

    private WebTestClient.ResponseSpec get(String appId, String uri) {
        return web.get().uri(uri).header("X-Wechat-App-Id", appId).exchange();
    }
}
