package dev.wechatapi.archive.web;

import static dev.wechatapi.archive.TestEvents.friend;
import static dev.wechatapi.archive.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edges of pagination on {@code /friends} and {@code /messages}, each holding 23 rows: the first, a middle and
 * the last page, a page past the end, the smallest, largest and default page sizes, refused sizes and pages, and
 * an empty list. Walking every page gives each row once, in order, and as many rows as {@code count}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaginationEdgesTest extends ArchiveServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2024-02-01T00:00:00Z");
    private static final int ROWS = 23;

    @Autowired
    DatabaseClient db;

    private final String appId = newAppId();
    private final String emptyApp = newAppId();
    // Every row of each list in its default order: friends by puid, messages newest first.
    private final List<String> friends = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    @BeforeAll
    void archiveTwentyThreeFriendsAndMessages() {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 1; i < ROWS; i++) {
            contacts.add(friend("p%02d".formatted(i), "好友 " + i, null, i % 3, "广东", "深圳"));
            friends.add("p%02d".formatted(i));
        }
        friends.add(TestEvents.SELF); // the account itself is a friend too: 22 + 1
        publish(Topics.CONTACTS, appId,
                WeChatEvents.contactsSnapshot(new ContactsSnapshot(appId, TestEvents.self(), contacts, T0)));
        for (int i = 1; i <= ROWS; i++) {
            publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(text(appId, i, "f1", "消息 " + i,
                    T0.plusSeconds(i))));
            messages.addFirst(Integer.toString(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("messages") == ROWS && rows("contacts") == ROWS);
    }

    static Stream<Arguments> lists() {
        return Stream.of(Arguments.of("/friends", "puid"), Arguments.of("/messages", "id_str"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void walkingEveryPageGivesEveryRowOnceInOrderWithAbsoluteLinksNullAtTheEnds(String list, String key) {
        List<String> all = all(list);
        String base = "http://localhost:" + port + list;
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            JsonNode answer = page(list, "?page_size=5&ordering=&page=" + page);
            assertThat(answer.path("count").asLong()).isEqualTo(ROWS);
            answer.path("results").forEach(row -> seen.add(row.path(key).asString()));
            assertThat(answer.path("results").size()).isEqualTo(page < 5 ? 5 : 3);
            assertThat(link(answer, "previous")).isEqualTo(switch (page) {
                case 1 -> null;
                case 2 -> base + "?page_size=5&ordering=";
                default -> base + "?page_size=5&ordering=&page=" + (page - 1);
            });
            assertThat(link(answer, "next"))
                    .isEqualTo(page < 5 ? base + "?page_size=5&ordering=&page=" + (page + 1) : null);
        }
        assertThat(seen).isEqualTo(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void smallestLargestAndDefaultPageSizes(String list, String key) {
        List<String> all = all(list);
        JsonNode one = page(list, "?page_size=1");
        assertThat(ids(one, key)).containsExactly(all.getFirst());
        assertThat(link(one, "next")).isEqualTo("http://localhost:" + port + list + "?page_size=1&page=2");
        assertThat(link(one, "previous")).isNull();

        JsonNode last = page(list, "?page_size=1&page=" + ROWS);
        assertThat(ids(last, key)).containsExactly(all.getLast());
        assertThat(link(last, "next")).isNull();
        assertThat(link(last, "previous")).endsWith(list + "?page_size=1&page=" + (ROWS - 1));

        JsonNode max = page(list, "?page_size=500");
        assertThat(ids(max, key)).isEqualTo(all);
        assertThat(link(max, "next")).isNull();
        assertThat(link(max, "previous")).isNull();

        JsonNode byDefault = page(list, "?page=3");
        assertThat(ids(byDefault, key)).isEqualTo(all.subList(20, ROWS));
        assertThat(byDefault.path("count").asLong()).isEqualTo(ROWS);
        assertThat(ids(page(list, "?page_size="), key)).isEqualTo(all.subList(0, 10)); // empty: the default
    }

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource({
        "/friends, page=6&page_size=5", "/messages, page=6&page_size=5",
        "/friends, page=4", "/messages, page=4&type=Text",
        "/friends, page=2&page_size=500", "/messages, page=24&page_size=1",
        "/friends, page=2&puid=nobody", "/messages, page=2&sender_puid=nobody"})
    void aPagePastTheEndIsTheContractsInvalidPage(String list, String query) {
        get(appId, list + "?" + query).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errmsg").isEqualTo("无效页面。")
                .jsonPath("$.code").isEqualTo("invalid_page");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page_size=0", "page_size=-1", "page_size=501", "page_size=100000000000",
        "page_size=abc", "page_size=1.5", "page=0", "page=-1", "page=abc", "page=99999999999"})
    void refusedPageSizesAndPagesAre400NamingTheParameter(String query) {
        String parameter = query.substring(0, query.indexOf('='));
        for (String list : List.of("/friends", "/messages")) {
            get(appId, list + "?" + query).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.code").isEqualTo("invalid_parameter")
                    .jsonPath("$.errmsg").value(message -> assertThat((String) message).startsWith(parameter + ": "));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/friends", "/messages", "/groups", "/mps"})
    void anEmptyListHasAnEmptyFirstPageAndNoSecond(String list) {
        get(emptyApp, list).expectStatus().isOk().expectBody()
                .json("{\"count\": 0, \"next\": null, \"previous\": null, \"results\": []}");
        get(emptyApp, list + "?page=2").expectStatus().isNotFound().expectBody()
                .jsonPath("$.code").isEqualTo("invalid_page");
    }

    private List<String> all(String list) {
        return list.equals("/friends") ? friends : messages;
    }

    private JsonNode page(String list, String query) {
        return JSON.readTree(get(appId, list + query).expectStatus().isOk().expectBody().returnResult()
                .getResponseBodyContent());
    }

    private static List<String> ids(JsonNode page, String key) {
        return IntStream.range(0, page.path("results").size())
                .mapToObj(i -> page.path("results").get(i).path(key).asString()).toList();
    }

    private static String link(JsonNode page, String field) {
        return page.path(field).isNull() ? null : page.path(field).asString();
    }

    private long rows(String table) {
        return db.sql("SELECT COUNT(*) FROM " + table + " WHERE app_id = :appId").bind("appId", appId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private WebTestClient.ResponseSpec get(String app, String uri) {
        return web.get().uri(uri).header("X-Wechat-App-Id", app).exchange();
    }
}
