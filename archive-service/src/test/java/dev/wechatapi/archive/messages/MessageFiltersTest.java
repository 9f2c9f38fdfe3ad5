package dev.wechatapi.archive.messages;

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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Every filter of {@code /messages}, one row each: the query and the ids it must answer, newest first. Times in
 * queries are local (Asia/Shanghai): message n is created at 10:0n:24 and received 1.5 s later, except message 8,
 * received an hour after message 1 was created. Another app holds messages with the same ids, senders and words;
 * none of them may show up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageFiltersTest extends ArchiveServiceTest {

    // 10:01:24 in Asia/Shanghai.
    private static final Instant T0 = Instant.parse("2020-02-12T02:01:24Z");
    private static final Party SELF = new Party(TestEvents.SELF, ContactKind.FRIEND, "我自己");
    private static final Party F1 = new Party("f1", ContactKind.FRIEND, "Alice");
    private static final Party F2 = new Party("f2", ContactKind.FRIEND, "Bob");
    private static final Party G1 = new Party("g1", ContactKind.GROUP, "家人群");
    private static final Party MP1 = new Party("mp1", ContactKind.MP, "新闻");

    @Autowired
    DatabaseClient db;

    private final String appId = newAppId();
    private final String otherApp = newAppId();

    @BeforeAll
    void archiveBothAppsMessages() {
        archive(appId,
                message(appId, 1, MessageType.Text, F1, SELF, null, false, "早上好 Morning", 0, 1_500),
                message(appId, 2, MessageType.Picture, G1, SELF, "m1", true, null, 60, 1_500),
                message(appId, 3, MessageType.Text, SELF, F2, null, false, "Lunch at noon?", 120, 1_500),
                message(appId, 4, MessageType.Sharing, MP1, SELF, null, false, "新闻 headline", 180, 1_500),
                message(appId, 5, MessageType.Text, G1, SELF, "m2", true, "@我 开会了", 240, 1_500),
                message(appId, 6, MessageType.Video, SELF, G1, null, false, null, 300, 1_500),
                message(appId, 7, MessageType.System, F1, SELF, null, false, "你已添加了 Alice", 360, 1_500),
                message(appId, 8, MessageType.Recording, F2, SELF, null, false, null, 420, 3_600_000 - 420_000));
        Party stranger = new Party("x9", ContactKind.FRIEND, "Secret");
        archive(otherApp,
                message(otherApp, 1, MessageType.Text, F1, SELF, null, false, "secret Morning", 0, 1_500),
                message(otherApp, 9, MessageType.Text, stranger, SELF, null, false, "secret", 120, 1_500),
                message(otherApp, 10, MessageType.Text, F1, SELF, "m1", true, "开会 secret", 240, 1_500));
    }

    @ParameterizedTest(name = "/messages?{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
                                                            | 8 7 6 5 4 3 2 1
            # type: each type present, and one absent
            type=Text                                       | 5 3 1
            type=Picture                                    | 2
            type=Sharing                                    | 4
            type=Video                                      | 6
            type=System                                     | 7
            type=Recording                                  | 8
            type=Map                                        | none
            # create_time and receive_time: exact to the second, and ranges
            create_time=2020-02-12T10:03:24                 | 3
            create_time=2020-02-12 10:03:24                 | 3
            create_time=2020-02-12T10:03:25                 | none
            receive_time=2020-02-12T10:01:25                | 1
            receive_time=2020-02-12T11:01:24                | 8
            create_time__gte=2020-02-12T10:06:24            | 8 7 6
            create_time__lte=2020-02-12T10:02:24            | 2 1
            create_time__gte=2020-02-12T10:02:24&create_time__lte=2020-02-12T10:04:24 | 4 3 2
            receive_time__gte=2020-02-12T10:08:00           | 8
            receive_time__lte=2020-02-12T10:01:25           | 1
            # is_at, as true/false and 1/0
            is_at=true                                      | 5 2
            is_at=1                                         | 5 2
            is_at=false                                     | 8 7 6 4 3 1
            is_at=0                                         | 8 7 6 4 3 1
            # sender_puid and receiver_puid: friends, a group, an official account, the account itself
            sender_puid=f1                                  | 7 1
            sender_puid=g1                                  | 5 2
            sender_puid=mp1                                 | 4
            sender_puid=self0001                            | 6 3
            receiver_puid=g1                                | 6
            receiver_puid=f2                                | 3
            receiver_puid=self0001                          | 8 7 5 4 2 1
            # search: text contains, case-insensitive
            search=morning                                  | 1
            search=开会                                      | 5
            search=noon?                                    | 3
            # combined filters
            type=Text&sender_puid=g1                        | 5
            is_at=true&type=Picture                         | 2
            sender_puid=f1&create_time__gte=2020-02-12T10:02:00 | 7
            # isolation: only the other app has these
            sender_puid=x9                                  | none
            search=secret                                   | none
            """)
    void eachFilterAnswersExactlyItsMessages(@Nullable String query, @Nullable String ids) {
        List<String> expected = ids == null ? List.of() : List.of(ids.split(" "));
        web.get().uri("/messages" + (query == null ? "" : "?" + query)).header("X-Wechat-App-Id", appId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(expected.size())
                .jsonPath("$.results[*].id_str").isEqualTo(expected);
    }

    private static MessageEvent message(String appId, long id, MessageType type, Party sender, Party receiver,
            @Nullable String member, boolean isAt, @Nullable String text, int createdSecond, long receivedAfterMillis) {
        Instant created = T0.plusSeconds(createdSecond);
        return new MessageEvent(appId, id, sender == SELF ? Direction.SENT : Direction.RECEIVED, type, 1, sender,
                receiver, member, member, isAt, MessageContent.text(text), created,
                created.plusMillis(receivedAfterMillis));
    }

    private void archive(String app, MessageEvent... events) {
        for (MessageEvent event : events) {
            publish(Topics.MESSAGES, app, WeChatEvents.messageEvent(event));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(events.length).equals(db.sql(
                        "SELECT COUNT(*) FROM messages WHERE app_id = :appId").bind("appId", app)
                .map(row -> row.get(0, Long.class)).one().block()));
    }
}
