package dev.wechatapi.archive.messages;

import static dev.wechatapi.archive.TestEvents.received;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Pages of filtered lists read through the index and the counts table agree with the rows themselves. */
class MessagePagesTest extends ArchiveServiceTest {

    private static final Instant T0 = Instant.parse("2022-07-01T00:00:00Z");
    private static final MessageType[] TYPES = {MessageType.Text, MessageType.Text, MessageType.Picture,
        MessageType.Sharing, MessageType.Text, MessageType.System};

    @Autowired
    DatabaseClient db;

    private String appId;
    private final List<MessageEvent> events = new ArrayList<>();

    @BeforeEach
    void archiveMessagesWithSharedSeconds() {
        appId = newAppId();
        for (int i = 0; i < 45; i++) {
            // Three messages a second, ids not in time order: the tie-breakers decide.
            long id = 1_000 + (i * 37L) % 101;
            events.add(received(appId, id, TYPES[i % TYPES.length], 1,
                    new Party("f" + (i % 3), ContactKind.FRIEND, "f"), null, i % 5 == 0, MessageContent.text("第 " + i),
                    T0.plusSeconds(i / 3)));
        }
        events.forEach(event -> publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(event)));
        // Replayed: neither a row nor a count more.
        events.subList(0, 10).forEach(event -> publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(event)));
        publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(received(appId, 1, MessageType.Video, 43,
                new Party("f9", ContactKind.FRIEND, "f"), null, false, MessageContent.text(null), T0.minusSeconds(60))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(46).equals(db.sql(
                        "SELECT COUNT(*) FROM messages WHERE app_id = :appId").bind("appId", appId)
                .map(row -> row.get(0, Long.class)).one().block()));
    }

    @Test
    void everyPageOfATypeFilteredListIsTheMatchingSliceOfTheNewestFirstOrder() {
        List<String> texts = expected(event -> event.type() == MessageType.Text, newestFirst());
        for (int page = 1; page <= 6; page++) {
            assertPage("/messages?type=Text&page_size=4&page=" + page, texts.size(), slice(texts, page, 4));
        }
        List<String> all = new ArrayList<>(expected(event -> true, newestFirst()));
        all.add("1");
        assertPage("/messages?page_size=7&page=4", 46, slice(all, 4, 7));
        assertPage("/messages?page_size=7&page=7", 46, slice(all, 7, 7));
    }

    @Test
    void combinedFiltersAndOtherOrderingsPageCorrectlyToo() {
        Predicate<MessageEvent> textFromF1 = event -> event.type() == MessageType.Text && event.sender().puid().equals("f1");
        List<String> texts = expected(textFromF1, newestFirst());
        assertPage("/messages?type=Text&sender_puid=f1&page_size=3&page=2", texts.size(), slice(texts, 2, 3));

        List<String> oldestFirst = expected(event -> event.isAt(), newestFirst().reversed());
        assertPage("/messages?is_at=true&ordering=create_time&page_size=2&page=2", oldestFirst.size(),
                slice(oldestFirst, 2, 2));

        List<String> byId = expected(event -> event.type() == MessageType.Picture,
                Comparator.comparingLong(MessageEvent::msgId).reversed());
        assertPage("/messages?type=Picture&ordering=-id&page_size=5", byId.size(), slice(byId, 1, 5));
    }

    private List<String> expected(Predicate<MessageEvent> filter, Comparator<MessageEvent> order) {
        return events.stream().filter(filter).sorted(order).map(event -> Long.toString(event.msgId())).toList();
    }

    private static Comparator<MessageEvent> newestFirst() {
        return Comparator.comparing(MessageEvent::createTime).thenComparingLong(MessageEvent::msgId).reversed();
    }

    private static List<String> slice(List<String> rows, int page, int size) {
        return List.copyOf(rows.subList((page - 1) * size, Math.min(rows.size(), page * size)));
    }

    private void assertPage(String uri, int count, List<String> ids) {
        web.get().uri(uri).header("X-Wechat-App-Id", appId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(count)
                .jsonPath("$.results[*].id_str").isEqualTo(ids);
    }
}
