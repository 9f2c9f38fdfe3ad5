package dev.wechatapi.archive.ingest;

import static dev.wechatapi.archive.TestEvents.friend;
import static dev.wechatapi.archive.TestEvents.group;
import static dev.wechatapi.archive.TestEvents.mp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every event type of the contract, published to Kafka as the session service does and read back through HTTP:
 * a message of every {@link MessageType}, received (in a group, from a member) and sent (to a friend), each
 * rendered with exactly its type's content fields; a contacts snapshot filling every contact list; session
 * state changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryEventTypeTest extends ArchiveServiceTest {

    // 10:00:00 in Asia/Shanghai, the default zone; message n is created n minutes later.
    private static final Instant T0 = Instant.parse("2021-03-04T02:00:00Z");
    private static final long FIRST_ID = 7_000_000_000_000_000_000L;
    private static final Party GROUP = new Party("g1", ContactKind.GROUP, "家人群");
    private static final Party FRIEND = new Party("f1", ContactKind.FRIEND, "Alice");
    private static final Party SELF = new Party(TestEvents.SELF, ContactKind.FRIEND, "我自己");

    @Autowired
    DatabaseClient db;

    private final String appId = newAppId();

    @BeforeAll
    void publishOneMessageOfEveryTypeInEachDirection() {
        for (MessageType type : MessageType.values()) {
            for (Direction direction : Direction.values()) {
                publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(event(type, direction)));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(2L * MessageType.values().length).equals(
                db.sql("SELECT COUNT(*) FROM messages WHERE app_id = :appId").bind("appId", appId)
                        .map(row -> row.get(0, Long.class)).one().block()));
    }

    static Stream<Arguments> everyTypeInBothDirections() {
        return Arrays.stream(MessageType.values())
                .flatMap(type -> Arrays.stream(Direction.values()).map(direction -> Arguments.of(type, direction)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTypeInBothDirections")
    void aMessageOfEveryTypeIsServedInTheContractShapeWithItsTypesContentFields(MessageType type, Direction direction) {
        long id = id(type, direction);
        boolean received = direction == Direction.RECEIVED;
        int minute = type.ordinal();
        String expected = """
                {"id": %d, "id_str": "%d", "content": %s, "type": {"sender": "%s", "receiver": "%s"},
                 "msg_type": "%s", "create_time": "2021-03-04T10:%02d:00", "receive_time": "2021-03-04T10:%02d:01",
                 "is_at": %s, "sender_puid": "%s", "receiver_puid": "%s", "member": %s}
                """.formatted(id, id, expectedContent(type, id), received ? "wxgroupmodel" : "wxusermodel",
                "wxusermodel", type.name(), minute, minute, received && type == MessageType.Text,
                received ? "g1" : TestEvents.SELF, received ? TestEvents.SELF : "f1", received ? "\"m1\"" : "null");

        get("/messages/" + id).expectStatus().isOk().expectBody().json(expected, JsonCompareMode.STRICT);
        get("/messages?type=" + type.name()).expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(2)
                .jsonPath("$.results[*].id_str").isEqualTo(List.of(
                        Long.toString(id(type, Direction.SENT)), Long.toString(id(type, Direction.RECEIVED))));
    }

    @Test
    void aContactsSnapshotFillsFriendsGroupsTheirMembersAndOfficialAccounts() {
        String contactsApp = newAppId();
        publish(Topics.CONTACTS, contactsApp, WeChatEvents.contactsSnapshot(new ContactsSnapshot(contactsApp,
                TestEvents.self(), List.of(
                        friend("p1", "Alice", null, 2, "北京", "北京"),
                        group("g1", "家人群", List.of(friend("p1", "Alice", null, 2, "北京", "北京"),
                                friend("p2", "Bob", null, 1, null, null))),
                        mp("m1", "新闻")),
                T0)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(contactsApp, "/friends").expectBody()
                .jsonPath("$.results[*].puid").isEqualTo(List.of("p1", TestEvents.SELF)));

        get(contactsApp, "/groups").expectBody().jsonPath("$.results[*].puid").isEqualTo(List.of("g1"));
        get(contactsApp, "/members/g1").expectBody().jsonPath("$.results[*].puid").isEqualTo(List.of("p1", "p2"));
        get(contactsApp, "/mps").expectBody().jsonPath("$.results[*].puid").isEqualTo(List.of("m1"));
    }

    @Test
    void aSessionStateChangeIsKeptAsTheAppsLatestState() {
        String sessionApp = newAppId();
        for (SessionState state : SessionState.values()) {
            publish(Topics.SESSIONS, sessionApp, WeChatEvents.sessionState(new SessionStateChanged(sessionApp, state,
                    state == SessionState.LOGGED_IN ? "self" : null, state == SessionState.LOGGED_IN ? "我😀" : null,
                    state.name().toLowerCase(), T0.plusSeconds(state.ordinal()))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "logged_out".equals(db.sql(
                        "SELECT reason FROM sessions WHERE app_id = :appId").bind("appId", sessionApp)
                .map(row -> row.get(0, String.class)).one().block()));

        assertThat(db.sql("SELECT state, account_puid, account_name FROM sessions WHERE app_id = :appId")
                .bind("appId", sessionApp)
                .map(row -> row.get(0, String.class) + " " + row.get(1, String.class) + " " + row.get(2, String.class))
                .all().collectList().block())
                .containsExactly("LOGGED_OUT self 我😀");
    }

    private MessageEvent event(MessageType type, Direction direction) {
        Instant created = T0.plusSeconds(60L * type.ordinal());
        boolean received = direction == Direction.RECEIVED;
        return new MessageEvent(appId, id(type, direction), direction, type, rawType(type),
                received ? GROUP : SELF, received ? SELF : FRIEND, received ? "m1" : null, received ? "成员" : null,
                received && type == MessageType.Text, content(type), created, created.plusMillis(1_500));
    }

    private static long id(MessageType type, Direction direction) {
        return FIRST_ID + 2L * type.ordinal() + direction.ordinal();
    }

    // The raw WeChat codes, as in MessageType's comments.
    private static int rawType(MessageType type) {
        return switch (type) {
            case Text, Map -> 1;
            case Card -> 42;
            case Note -> 10002;
            case Sharing, Attachment -> 49;
            case Picture -> 3;
            case Recording -> 34;
            case Video -> 43;
            case Friends -> 37;
            case System -> 10000;
        };
    }

    // Every field the event can carry is set, so the rendering has to pick the type's own.
    private static MessageContent content(MessageType type) {
        String text = switch (type) {
            case Note -> "你撤回了一条消息";
            case Friends -> "我是 Bob，想加你为好友";
            case System -> "你已添加了 Bob，现在可以开始聊天了。";
            case Sharing -> "一篇文章";
            case Map -> "天河区";
            default -> "你好 🌏";
        };
        MessageContent.Card card = type == MessageType.Card
                ? new MessageContent.Card("@card", "名片", "alias", "广东", "广州", "sign", 2, "card-avatar") : null;
        String mediaId = switch (type) {
            case Picture, Recording, Attachment, Video -> "media-" + type.name().toLowerCase();
            default -> null;
        };
        return new MessageContent(text, "https://example.com/" + type.name(), 23.1, 113.2, 15, "天河", "0", "POI",
                "poi-1", mediaId, 480, 640, 7, 2_048L, "report.pdf", 12, card);
    }

    private String expectedContent(MessageType type, long id) {
        String media = "\"http://localhost:" + port + "/media/media-" + type.name().toLowerCase() + "\"";
        String fields = switch (type) {
            case Text -> "\"text\": \"你好 🌏\"";
            case Note -> "\"text\": \"你撤回了一条消息\"";
            case Friends -> "\"text\": \"我是 Bob，想加你为好友\"";
            case System -> "\"text\": \"你已添加了 Bob，现在可以开始聊天了。\"";
            case Map -> """
                    "x": 23.1, "y": 113.2, "scale": 15, "label": "天河", "maptype": "0", "poiname": "POI",
                    "poiid": "poi-1", "url": "https://example.com/Map", "text": "天河区"
                    """;
            case Sharing -> "\"url\": \"https://example.com/Sharing\", \"text\": \"一篇文章\"";
            case Picture -> "\"image\": " + media + ", \"img_height\": 480, \"img_width\": 640";
            case Recording -> "\"voice_length\": 7, \"record\": " + media;
            case Attachment -> "\"file_size\": 2048, \"file\": " + media;
            case Video -> "\"play_length\": 12, \"video\": " + media;
            case Card -> """
                    "username": "@card", "nickname": "名片", "alias": "alias", "province": "广东", "city": "广州",
                    "sign": "sign", "sex": 2, "avatar": "http://localhost:%d/media/card-avatar"
                    """.formatted(port);
        };
        return "{\"message\": " + id + ", " + fields + "}";
    }

    private WebTestClient.ResponseSpec get(String uri) {
        return get(appId, uri);
    }

    private WebTestClient.ResponseSpec get(String app, String uri) {
        return web.get().uri(uri).header("X-Wechat-App-Id", app).exchange();
    }
}
