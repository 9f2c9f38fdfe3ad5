package dev.wechatapi.archive.contacts;

import static dev.wechatapi.archive.TestEvents.friend;
import static dev.wechatapi.archive.TestEvents.group;
import static dev.wechatapi.archive.TestEvents.mp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class GroupsMembersAndMpsEndpointTest extends ArchiveServiceTest {

    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    @Autowired
    DatabaseClient db;

    @Test
    void groupsAreListedWithTheBoundAccountAsOwnerAndFiltered() {
        String appId = newAppId();
        applySnapshot(appId, List.of(
                groupWithAvatar("g2", "家人群 👨‍👩‍👧", List.of(friend("p1", "One", null, 1, null, null))),
                group("g1", "Work", List.of()),
                friend("p1", "One", null, 1, null, null),
                mp("m1", "新闻")));

        get(appId, "/groups").expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(2)
                .jsonPath("$.results[*].puid").isEqualTo(List.of("g1", "g2"))
                .jsonPath("$.results[1].name").isEqualTo("家人群 👨‍👩‍👧")
                .jsonPath("$.results[1].nick_name").isEqualTo("家人群 👨‍👩‍👧")
                .jsonPath("$.results[1].user_name").isEqualTo("@@g2")
                .jsonPath("$.results[1].owner").isEqualTo(TestEvents.SELF)
                .jsonPath("$.results[1].avatar").value(url -> assertThat((String) url)
                        .matches("http://localhost:\\d+/media/avatar-g2"))
                .jsonPath("$.results[0].avatar").isEmpty()
                .jsonPath("$.results[0].remark_name").doesNotExist();

        assertPuids(appId, "/groups?nick_name=家人群 👨‍👩‍👧", "g2");
        assertPuids(appId, "/groups?name=Work&user_name=@@g1&puid=g1", "g1");
        assertPuids(appId, "/groups?ordering=-nick_name", "g2", "g1");
        assertPuids(appId, "/groups?name=nobody");
    }

    @Test
    void membersOfAGroupArePagedInTheFriendsShapeOrderedByPuid() {
        String appId = newAppId();
        List<Contact> members = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            members.add(friend("u%02d".formatted(i), "成员 %d 😀".formatted(i), null, i % 3, "广东", "深圳"));
        }
        applySnapshot(appId, List.of(group("g1", "大群", members), group("g2", "小群", members.subList(0, 1))));

        get(appId, "/members/g1?page_size=5&page=2").expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(12)
                .jsonPath("$.results[*].puid").isEqualTo(List.of("u06", "u07", "u08", "u09", "u10"))
                .jsonPath("$.results[0].nick_name").isEqualTo("成员 6 😀")
                .jsonPath("$.results[0].name").isEqualTo("成员 6 😀")
                .jsonPath("$.results[0].user_name").isEqualTo("@u06")
                .jsonPath("$.results[0].sex").isEqualTo(0)
                .jsonPath("$.results[0].province").isEqualTo("广东")
                .jsonPath("$.results[0].signature").isEqualTo("签名 u06")
                .jsonPath("$.results[0].avatar").value(url -> assertThat((String) url).endsWith("/media/avatar-u06"))
                .jsonPath("$.next").value(url -> assertThat((String) url).endsWith("/members/g1?page_size=5&page=3"));
        assertPuids(appId, "/members/g2", "u12");
        assertPuids(appId, "/members/g1?sex=2&ordering=-puid", "u11", "u08", "u05", "u02");
        assertPuids(appId, "/members/g1?nick_name=成员 3 😀", "u03");
        get(appId, "/members/g1?page=4&page_size=5").expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_page");
    }

    @Test
    void membersOfAnUnknownGroupOrOfAnotherAppsGroupAre404() {
        String mine = newAppId();
        String theirs = newAppId();
        applySnapshot(theirs, List.of(group("g9", "Secret", List.of(friend("p1", "One", null, 1, null, null)))));
        applySnapshot(mine, List.of(group("g1", "Mine", List.of()), friend("p1", "One", null, 1, null, null)));

        for (String uri : List.of("/members/g9", "/members/unknown", "/members/p1")) {
            get(mine, uri).expectStatus().isNotFound().expectBody()
                    .jsonPath("$.errmsg").isEqualTo("未找到。")
                    .jsonPath("$.code").isEqualTo("not_found");
        }
        get(mine, "/members/g1").expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(0);
        assertPuids(mine, "/groups", "g1");
        assertPuids(mine, "/groups?puid=g9");
        assertPuids(mine, "/mps");
    }

    @Test
    void officialAccountsAreListedAndFilteredByEveryDocumentedField() {
        String appId = newAppId();
        applySnapshot(appId, List.of(
                mpIn("m2", "人民日报 📰", "北京", "北京"),
                mpIn("m1", "Tech Daily", "广东", "深圳"),
                friend("p1", "One", null, 1, "广东", "深圳"),
                group("g1", "群", List.of())));

        get(appId, "/mps").expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(2)
                .jsonPath("$.results[*].puid").isEqualTo(List.of("m1", "m2"))
                .jsonPath("$.results[1].name").isEqualTo("人民日报 📰")
                .jsonPath("$.results[1].nick_name").isEqualTo("人民日报 📰")
                .jsonPath("$.results[1].province").isEqualTo("北京")
                .jsonPath("$.results[1].city").isEqualTo("北京")
                .jsonPath("$.results[1].signature").isEqualTo("official")
                .jsonPath("$.results[1].avatar").doesNotExist()
                .jsonPath("$.results[1].sex").doesNotExist();
        assertPuids(appId, "/mps?province=广东", "m1");
        assertPuids(appId, "/mps?city=北京&name=人民日报 📰&nick_name=人民日报 📰&signature=official&puid=m2", "m2");
        assertPuids(appId, "/mps?ordering=-city", "m1", "m2");
        assertPuids(appId, "/mps?puid=p1");
    }

    @Test
    void malformedParametersOfTheContactListsAreRefusedWith400() {
        String appId = newAppId();
        applySnapshot(appId, List.of(group("g1", "群", List.of())));
        for (String uri : List.of("/groups?ordering=sex", "/groups?page=x", "/mps?ordering=remark_name",
                "/mps?page_size=501", "/members/g1?sex=5", "/members/g1?ordering=owner")) {
            get(appId, uri).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.code").isEqualTo("invalid_parameter");
        }
        for (String uri : List.of("/groups", "/mps", "/members/g1")) {
            web.get().uri(uri).exchange().expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        }
    }

    private static Contact groupWithAvatar(String puid, String nickName, List<Contact> members) {
        return new Contact(puid, ContactKind.GROUP, "@@" + puid, nickName, null, null, null, 0, null, null,
                "avatar-" + puid, members);
    }

    private static Contact mpIn(String puid, String nickName, String province, String city) {
        return new Contact(puid, ContactKind.MP, "@" + puid, nickName, null, null, "official", 0, province, city, null,
                List.of());
    }

    private void applySnapshot(String appId, List<Contact> contacts) {
        publish(Topics.CONTACTS, appId,
                WeChatEvents.contactsSnapshot(new ContactsSnapshot(appId, TestEvents.self(), contacts, T0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(db.sql(
                        "SELECT COUNT(*) FROM contact_snapshots WHERE app_id = :appId")
                .bind("appId", appId).map(row -> row.get(0, Long.class)).one().block()));
    }

    private void assertPuids(String appId, String uri, String... puids) {
        get(appId, uri).expectStatus().isOk().expectBody()
                .jsonPath("$.results[*].puid").isEqualTo(List.of(puids));
    }

    private WebTestClient.ResponseSpec get(String appId, String uri) {
        return web.get().uri(uri).header("X-Wechat-App-Id", appId).exchange();
    }
}
