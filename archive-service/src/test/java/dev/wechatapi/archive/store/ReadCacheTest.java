package dev.wechatapi.archive.store;

import static dev.wechatapi.archive.TestEvents.friend;
import static dev.wechatapi.archive.TestEvents.group;
import static dev.wechatapi.archive.TestEvents.mp;
import static dev.wechatapi.archive.TestEvents.text;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The lists answered through the read cache change the moment their data do: every read below follows the write
 * it checks as soon as the write is committed (awaited in the database, never through the endpoint, which would
 * hide a stale answer), after the same request was answered, and so cached, before the write.
 */
class ReadCacheTest extends ArchiveServiceTest {

    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    @Autowired
    DatabaseClient db;

    @Test
    void aNewSnapshotIsAnsweredAtOnceByEveryContactList() {
        String appId = newAppId();
        Contact one = friend("p1", "One", null, 1, null, null);
        applySnapshot(appId, T0, List.of(one, friend("p2", "Two", null, 2, null, null),
                group("g1", "群", List.of(one)), mp("m1", "新闻")));
        readEveryList(appId, List.of("p1"));

        Contact two = friend("p2", "Two", null, 1, null, null);
        Contact three = friend("p3", "Three", null, 1, null, null);
        applySnapshot(appId, T0.plusSeconds(60), List.of(two, three, group("g1", "群", List.of(two, three)),
                mp("m2", "天气")));

        readEveryList(appId, List.of("p2", "p3"));
        get(appId, "/mps").expectBody().jsonPath("$.results[*].puid").isEqualTo(List.of("m2"));
    }

    @Test
    void aNewMessageIsOnTheCachedFirstPageAndInItsCount() {
        String appId = newAppId();
        archive(appId, text(appId, 1, "f1", "一", T0), text(appId, 2, "f1", "二", T0.plusSeconds(1)));
        assertPage(appId, "/messages?type=Text", 2, 1);
        assertPage(appId, "/messages", 2, 1);

        archive(appId, text(appId, 3, "f1", "三", T0.plusSeconds(2)));

        assertPage(appId, "/messages?type=Text", 3, 2, 1);
        assertPage(appId, "/messages", 3, 2, 1);
    }

    @Test
    void aDeletedMessageLeavesTheCachedPageEvenWhenANewOneBringsTheCountBack() {
        String appId = newAppId();
        archive(appId, text(appId, 11, "f1", "一", T0), text(appId, 12, "f1", "二", T0.plusSeconds(1)));
        assertPage(appId, "/messages?type=Text", 12, 11);

        // Same count as before, other rows: the change counter, not the count, keys the cached page.
        db.sql("DELETE FROM messages WHERE app_id = :appId AND msg_id = 12").bind("appId", appId).then().block();
        archive(appId, text(appId, 13, "f1", "三", T0.plusSeconds(2)));

        assertPage(appId, "/messages?type=Text", 13, 11);
    }

    @Test
    void twoAppsAskingTheSameAtTheSameVersionsGetTheirOwnRows() {
        String mine = newAppId();
        String theirs = newAppId();
        applySnapshot(theirs, T0, List.of(friend("p1", "Secret", null, 1, null, null)));
        applySnapshot(mine, T0, List.of(friend("p2", "Mine", null, 1, null, null)));
        archive(theirs, text(theirs, 21, "f1", "secret", T0));
        archive(mine, text(mine, 22, "f1", "mine", T0));

        get(theirs, "/friends?sex=1").expectBody().jsonPath("$.results[*].puid").isEqualTo(List.of("p1", TestEvents.SELF));
        get(mine, "/friends?sex=1").expectBody().jsonPath("$.results[*].puid").isEqualTo(List.of("p2", TestEvents.SELF));
        assertPage(theirs, "/messages?type=Text", 21);
        assertPage(mine, "/messages?type=Text", 22);
    }

    // The same requests answered before and after a snapshot: friends and members filtered by sex, groups.
    private void readEveryList(String appId, List<String> withSex1) {
        List<String> friends = new ArrayList<>(withSex1);
        friends.add(TestEvents.SELF); // the account itself (sex 1) is a friend
        get(appId, "/friends?sex=1").expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(friends.size())
                .jsonPath("$.results[*].puid").isEqualTo(friends);
        get(appId, "/members/g1?sex=1").expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(withSex1.size())
                .jsonPath("$.results[*].puid").isEqualTo(withSex1);
        get(appId, "/groups").expectStatus().isOk().expectBody()
                .jsonPath("$.results[*].puid").isEqualTo(List.of("g1"));
    }

    private void applySnapshot(String appId, Instant takenAt, List<Contact> contacts) {
        publish(Topics.CONTACTS, appId, WeChatEvents.contactsSnapshot(
                new ContactsSnapshot(appId, TestEvents.self(), contacts, takenAt)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(db.sql(
                        "SELECT COUNT(*) FROM contact_snapshots WHERE app_id = :appId AND taken_at = :takenAt")
                .bind("appId", appId).bind("takenAt", LocalDateTime.ofInstant(takenAt, ZoneOffset.UTC))
                .map(row -> row.get(0, Long.class)).one().block()));
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

    private void assertPage(String appId, String uri, long... ids) {
        get(appId, uri).expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(ids.length)
                .jsonPath("$.results[*].id_str").isEqualTo(Arrays.stream(ids).mapToObj(Long::toString).toList());
    }

    private WebTestClient.ResponseSpec get(String appId, String uri) {
        return web.get().uri(uri).header("X-Wechat-App-Id", appId).exchange();
    }
}
