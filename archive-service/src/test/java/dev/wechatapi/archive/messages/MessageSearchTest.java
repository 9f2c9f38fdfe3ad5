package dev.wechatapi.archive.messages;

import static dev.wechatapi.archive.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class MessageSearchTest extends ArchiveServiceTest {

    private static final Instant T0 = Instant.parse("2021-03-01T00:00:00Z");

    @Autowired
    DatabaseClient db;

    @Test
    void chineseSubstringsAreFoundAnywhereInTheText() {
        String appId = newAppId();
        archive(appId,
                text(appId, 1, "f1", "今天天气很好，我们去公园散步吧", T0),
                text(appId, 2, "f1", "公司明天开会", T0.plusSeconds(1)),
                text(appId, 3, "f1", "好", T0.plusSeconds(2)),
                text(appId, 4, "f1", "天公和公园", T0.plusSeconds(3)));

        assertFound(appId, "天气", 1);
        assertFound(appId, "去公园散步", 1);
        assertFound(appId, "公司", 2);
        assertFound(appId, "天", 4, 2, 1);
        assertFound(appId, "好", 3, 1);
        assertFound(appId, "吧", 1);
        // Message 4 holds both pairs of "天公园" but not the needle itself: the pairs only narrow the search.
        assertFound(appId, "天公园");
        assertFound(appId, "公园", 4, 1);
        assertFound(appId, "明天天气");
    }

    @Test
    void emojiAreSearchableAloneAndWithinText() {
        String appId = newAppId();
        archive(appId,
                text(appId, 1, "f1", "生日快乐🎂🎉", T0),
                text(appId, 2, "f1", "🎉", T0.plusSeconds(1)),
                text(appId, 3, "f1", "family 👨‍👩‍👧 time", T0.plusSeconds(2)),
                text(appId, 4, "f1", "😀😁", T0.plusSeconds(3)));

        assertFound(appId, "🎉", 2, 1);
        assertFound(appId, "快乐🎂", 1);
        assertFound(appId, "👨‍👩‍👧", 3);
        assertFound(appId, "😁", 4);
        assertFound(appId, "😁😀");
    }

    @Test
    void latinSearchIsCaseInsensitiveAndTakesWildcardsLiterally() {
        String appId = newAppId();
        archive(appId,
                text(appId, 1, "f1", "Meeting at NOON in Room_42", T0),
                text(appId, 2, "f1", "100% agreed, see you at noon", T0.plusSeconds(1)),
                text(appId, 3, "f1", "RoomX42", T0.plusSeconds(2)));

        assertFound(appId, "noon", 2, 1);
        assertFound(appId, "MEETING AT", 1);
        assertFound(appId, "room_4", 1);
        assertFound(appId, "0%", 2);
        assertFound(appId, "n", 2, 1);
        assertFound(appId, "x", 3);
        assertFound(appId, "at noon", 2, 1);
        assertFound(appId, "noon at");
    }

    @Test
    void searchCombinesWithFiltersAndStaysWithinTheApp() {
        String mine = newAppId();
        String theirs = newAppId();
        archive(theirs, text(theirs, 1, "f1", "秘密消息", T0));
        archive(mine, text(mine, 2, "f1", "消息一", T0), text(mine, 3, "f2", "消息二", T0.plusSeconds(1)));

        assertFound(mine, "消息", 3, 2);
        assertFound(mine, "秘密");
        get(mine, "/messages?search=消息&sender_puid=f2").expectBody()
                .jsonPath("$.count").isEqualTo(1)
                .jsonPath("$.results[0].content.text").isEqualTo("消息二");
    }

    @Test
    void replayedMessagesAreFoundOnce() {
        String appId = newAppId();
        MessageEvent message = text(appId, 1, "f1", "重复的消息 🔁", T0);
        archive(appId, message);
        archive(appId, message, text(appId, 2, "f1", "另一条", T0.plusSeconds(1)));

        assertFound(appId, "重复", 1);
        assertFound(appId, "🔁", 1);
    }

    @Test
    void messagesArchivedBeforeTheIndexExistedAreIndexedByTheMigration() throws Exception {
        String appId = newAppId();
        archive(appId, text(appId, 1, "f1", "迁移之前的消息", T0), text(appId, 2, "f1", "Older ONE", T0));
        db.sql("UPDATE messages SET text_grams = NULL WHERE app_id = :appId").bind("appId", appId).then().block();
        assertFound(appId, "之前");

        try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.username(),
                DATABASE.password())) {
            new V3__IndexExistingMessageTexts().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        assertFound(appId, "之前", 1);
        assertFound(appId, "older one", 2);
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

    private void assertFound(String appId, String needle, long... ids) {
        List<String> expected = Arrays.stream(ids).mapToObj(String::valueOf).toList();
        web.get().uri(builder -> builder.path("/messages").queryParam("search", "{needle}").build(needle))
                .header("X-Wechat-App-Id", appId)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(ids.length)
                .jsonPath("$.results[*].id_str").value(found -> assertThat(found).as("search " + needle)
                        .isEqualTo(expected));
    }

    private WebTestClient.ResponseSpec get(String appId, String uri) {
        return web.get().uri(uri).header("X-Wechat-App-Id", appId).exchange();
    }
}
