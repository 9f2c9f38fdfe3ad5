package dev.wechatapi.archive.contacts;

import static dev.wechatapi.archive.TestEvents.friend;
import static dev.wechatapi.archive.TestEvents.group;
import static dev.wechatapi.archive.TestEvents.mp;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class FriendsEndpointTest extends ArchiveServiceTest {

    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    @Autowired
    DatabaseClient db;

    @Test
    void contactsSnapshotMakesFriendsQueryableWithFilters() {
        String appId = newAppId();
        applySnapshot(appId, T0, List.of(
                friend("p002", "Alice", "", 2, "Beijing", "Beijing"),
                friend("p001", "Bob", "Bobby", 1, "广东", "深圳"),
                friend("p003", "Carol", null, 0, "Beijing", "Haidian"),
                group("g001", "家人群", List.of(friend("p001", "Bob", null, 1, null, null))),
                mp("m001", "新闻")));

        get(appId, "/friends").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(4)
                .jsonPath("$.next").isEmpty()
                .jsonPath("$.previous").isEmpty()
                .jsonPath("$.results[*].puid").isEqualTo(List.of("p001", "p002", "p003", TestEvents.SELF))
                .jsonPath("$.results[0].name").isEqualTo("Bobby")
                .jsonPath("$.results[0].nick_name").isEqualTo("Bob")
                .jsonPath("$.results[0].user_name").isEqualTo("@p001")
                .jsonPath("$.results[0].remark_name").isEqualTo("Bobby")
                .jsonPath("$.results[0].signature").isEqualTo("签名 p001")
                .jsonPath("$.results[0].sex").isEqualTo(1)
                .jsonPath("$.results[0].province").isEqualTo("广东")
                .jsonPath("$.results[0].city").isEqualTo("深圳")
                .jsonPath("$.results[0].avatar").value(avatar -> assertThat((String) avatar)
                        .matches("http://localhost:\\d+/media/avatar-p001"));

        get(appId, "/friends?province=Beijing").expectBody()
                .jsonPath("$.results[*].puid").isEqualTo(List.of("p002", "p003"));
        get(appId, "/friends?province=Beijing&sex=0").expectBody()
                .jsonPath("$.results[*].puid").isEqualTo(List.of("p003"));
        get(appId, "/friends?name=Alice").expectBody()
                .jsonPath("$.results[*].puid").isEqualTo(List.of("p002"));
        get(appId, "/friends?city=深圳&nick_name=Bob&remark_name=Bobby&user_name=@p001&puid=p001").expectBody()
                .jsonPath("$.count").isEqualTo(1);
        get(appId, "/friends?signature=签名 p003").expectBody()
                .jsonPath("$.results[*].puid").isEqualTo(List.of("p003"));
        get(appId, "/friends?ordering=-puid&page_size=2").expectBody()
                .jsonPath("$.results[*].puid").isEqualTo(List.of(TestEvents.SELF, "p003"));
    }

    @Test
    void emojiAndChineseNamesRoundTripAndFilterExactly() {
        String appId = newAppId();
        applySnapshot(appId, T0, List.of(
                friend("p1", "小明😀", "同事🎉", 1, "浙江", "杭州"),
                friend("p2", "小明😁", null, 1, "浙江", "杭州")));

        get(appId, "/friends?nick_name=小明😀").expectBody()
                .jsonPath("$.count").isEqualTo(1)
                .jsonPath("$.results[0].nick_name").isEqualTo("小明😀")
                .jsonPath("$.results[0].remark_name").isEqualTo("同事🎉")
                .jsonPath("$.results[0].name").isEqualTo("同事🎉");
    }

    @Test
    void newerSnapshotReplacesTheContactSetAndAnOlderReplayIsIgnored() {
        String appId = newAppId();
        applySnapshot(appId, T0, List.of(friend("p1", "One", null, 1, null, null), friend("p2", "Two", null, 1, null, null)));
        ContactsSnapshot newer = new ContactsSnapshot(appId, TestEvents.self(),
                List.of(friend("p2", "Two renamed", null, 2, null, null), friend("p3", "Three", null, 1, null, null)),
                T0.plusSeconds(60));
        publish(Topics.CONTACTS, appId, WeChatEvents.contactsSnapshot(newer));
        awaitFriends(appId, "/friends?puid=p3", 1);

        // The first snapshot again (a replay), then the newer one again: re-applying the newer one updates
        // applied_at, which proves the older one before it on the app's partition was read and ignored.
        Object appliedBefore = appliedAt(appId);
        applySnapshotEvent(appId, T0, List.of(friend("p1", "One", null, 1, null, null)));
        publish(Topics.CONTACTS, appId, WeChatEvents.contactsSnapshot(newer));
        await().atMost(Duration.ofSeconds(30)).until(() -> !appliedAt(appId).equals(appliedBefore));

        get(appId, "/friends").expectBody()
                .jsonPath("$.results[*].puid").isEqualTo(List.of("p2", "p3", TestEvents.SELF))
                .jsonPath("$.results[0].nick_name").isEqualTo("Two renamed")
                .jsonPath("$.results[0].sex").isEqualTo(2);
        assertThat(rows("SELECT COUNT(*) FROM contacts WHERE app_id = '" + appId + "'")).isEqualTo(3);
    }

    @Test
    void groupMembersAreStoredWithTheGroup() {
        String appId = newAppId();
        applySnapshot(appId, T0, List.of(group("g1", "群", List.of(
                friend("p1", "One", null, 1, null, null), friend("p2", "Two", null, 2, null, null)))));

        assertThat(rows("SELECT COUNT(*) FROM group_members WHERE app_id = '" + appId + "' AND group_puid = 'g1'"))
                .isEqualTo(2);
    }

    @Test
    void anotherAppsFriendsAreInvisible() {
        String mine = newAppId();
        String theirs = newAppId();
        applySnapshot(theirs, T0, List.of(friend("p1", "Secret", null, 1, null, null)));
        applySnapshot(mine, T0, List.of(friend("p2", "Mine", null, 1, null, null)));

        get(mine, "/friends").expectBody()
                .jsonPath("$.results[*].puid").isEqualTo(List.of("p2", TestEvents.SELF));
        get(mine, "/friends?puid=p1").expectBody().jsonPath("$.count").isEqualTo(0);
    }

    @Test
    void malformedFiltersAreRefusedWith400NamingTheParameter() {
        String appId = newAppId();
        get(appId, "/friends?sex=abc").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("invalid_parameter")
                .jsonPath("$.errmsg").value(message -> assertThat((String) message).startsWith("sex:"));
        get(appId, "/friends?sex=3").expectStatus().isBadRequest();
        get(appId, "/friends?page_size=501").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errmsg").value(message -> assertThat((String) message).startsWith("page_size:"));
        get(appId, "/friends?page=0").expectStatus().isBadRequest();
        get(appId, "/friends?ordering=password").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_parameter");
    }

    @Test
    void requestWithoutAppIdIsRefusedWith401() {
        web.get().uri("/friends").exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.errmsg").isEqualTo("无效的身份信息!")
                .jsonPath("$.code").isEqualTo("unauthenticated");
    }

    private void applySnapshot(String appId, Instant takenAt, List<Contact> contacts) {
        applySnapshotEvent(appId, takenAt, contacts);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(rows(
                "SELECT COUNT(*) FROM contact_snapshots WHERE app_id = '" + appId + "' AND taken_at >= '"
                        + LocalDateTime.ofInstant(takenAt, ZoneOffset.UTC) + "'")));
    }

    private static void applySnapshotEvent(String appId, Instant takenAt, List<Contact> contacts) {
        publish(Topics.CONTACTS, appId,
                WeChatEvents.contactsSnapshot(new ContactsSnapshot(appId, TestEvents.self(), contacts, takenAt)));
    }

    private void awaitFriends(String appId, String uri, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(appId, uri).expectBody().jsonPath("$.count").isEqualTo(count));
    }

    private Object appliedAt(String appId) {
        return db.sql("SELECT applied_at FROM contact_snapshots WHERE app_id = :appId").bind("appId", appId)
                .map(row -> row.get(0, LocalDateTime.class)).one().block();
    }

    private Long rows(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private WebTestClient.ResponseSpec get(String appId, String uri) {
        return web.get().uri(uri).header("X-Wechat-App-Id", appId).exchange();
    }
}
