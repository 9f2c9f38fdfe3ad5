package dev.wechatapi.archive.messages;

import static dev.wechatapi.archive.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
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
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /messages/{id}}: one message in the list's item shape, of the calling app only. */
class MessageByIdTest extends ArchiveServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2023-01-02T03:04:05Z");

    @Autowired
    DatabaseClient db;

    @Test
    void aMessageIsServedExactlyAsTheListShowsItByItsIdOrIdStr() {
        String appId = newAppId();
        long id = Long.MAX_VALUE - 7; // beyond JavaScript's 2^53: id_str is what such clients use
        archive(appId, text(appId, id, "f1", "按 id 取 🔎", T0), text(appId, 5, "f2", "another", T0.plusSeconds(1)));

        JsonNode listed = json(get(appId, "/messages?sender_puid=f1")).path("results").get(0);
        JsonNode one = json(get(appId, "/messages/" + id));
        JsonNode byIdStr = json(get(appId, "/messages/" + listed.path("id_str").asString()));

        assertThat(one).isEqualTo(listed).isEqualTo(byIdStr);
        assertThat(one.path("id").asLong()).isEqualTo(id);
        assertThat(one.path("content").path("text").asString()).isEqualTo("按 id 取 🔎");
        get(appId, "/messages/5").expectStatus().isOk().expectBody().jsonPath("$.sender_puid").isEqualTo("f2");
    }

    @Test
    void unknownMalformedAndOtherAppsIdsAre404InTheContractShape() {
        String mine = newAppId();
        String theirs = newAppId();
        archive(theirs, text(theirs, 900, "f1", "secret", T0), text(theirs, 77, "f1", "theirs too", T0));
        archive(mine, text(mine, 77, "f1", "mine", T0));

        for (String id : List.of("900", "901", "abc", "12abc", "1.5", "+77", "0x4d", "99999999999999999999", " 77")) {
            get(mine, "/messages/" + id).expectStatus().isNotFound().expectBody()
                    .json("{\"errmsg\": \"未找到。\", \"code\": \"not_found\"}", JsonCompareMode.STRICT);
        }
        // The same WeChat id in two apps: each sees its own message.
        get(mine, "/messages/77").expectStatus().isOk().expectBody().jsonPath("$.content.text").isEqualTo("mine");
        get(theirs, "/messages/77").expectStatus().isOk().expectBody().jsonPath("$.content.text")
                .isEqualTo("theirs too");
        web.get().uri("/messages/77").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
    }

    @Test
    void aMessageToOneselfArchivedTwiceIsAnsweredAsTheListShowsItFirst() {
        String appId = newAppId();
        Party self = new Party(TestEvents.SELF, ContactKind.FRIEND, "我自己");
        for (Direction direction : List.of(Direction.RECEIVED, Direction.SENT)) {
            publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(new MessageEvent(appId, 42, direction,
                    MessageType.Text, 1, self, self, null, null, false, MessageContent.text("备忘"), T0,
                    T0.plusSeconds(direction == Direction.SENT ? 0 : 9))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(2).equals(db.sql(
                        "SELECT COUNT(*) FROM messages WHERE app_id = :appId").bind("appId", appId)
                .map(row -> row.get(0, Long.class)).one().block()));

        get(appId, "/messages").expectBody()
                .jsonPath("$.results[*].receive_time").isEqualTo(List.of("2023-01-02T11:04:05", "2023-01-02T11:04:14"));
        get(appId, "/messages/42").expectStatus().isOk().expectBody()
                .jsonPath("$.receive_time").isEqualTo("2023-01-02T11:04:05");
    }

    private void archive(String appId, MessageEvent... events) {
        for (MessageEvent event : events) {
            publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(event));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(events.length).equals(db.sql(
                        "SELECT COUNT(*) FROM messages WHERE app_id = :appId").bind("appId", appId)
                .map(row -> row.get(0, Long.class)).one().block()));
    }

    private static JsonNode json(WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
    }

    private WebTestClient.ResponseSpec get(String appId, String uri) {
        return web.get().uri(uri).header("X-Wechat-App-Id", appId).exchange();
    }
}
