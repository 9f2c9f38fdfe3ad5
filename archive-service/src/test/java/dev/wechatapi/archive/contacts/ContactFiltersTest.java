package dev.wechatapi.archive.contacts;

import static dev.wechatapi.archive.TestEvents.friend;
import static dev.wechatapi.archive.TestEvents.group;
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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Every filter of every contact list, one row each: the list, the query, and the puids it must answer (in the
 * default order, by puid). Another app holds contacts with the same values and some of the same puids; rows
 * marked "isolation" filter by its values and must answer none of its rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactFiltersTest extends ArchiveServiceTest {

    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    @Autowired
    DatabaseClient db;

    private final String appId = newAppId();
    private final String otherApp = newAppId();

    @BeforeAll
    void applyBothAppsSnapshots() {
        Contact alice = friend("a1", "Alice", "Ally", 2, "北京", "北京");
        Contact bob = friend("b2", "Bob", null, 1, "广东", "深圳");
        Contact carol = friend("c3", "Carol", "", 0, "北京", "海淀");
        Contact dan = friend("d4", "Dan", "Danny", 0, "上海", "上海"); // a member who is not a friend
        apply(appId, List.of(alice, bob, carol,
                group("g1", "家人群", List.of(alice, bob, dan)),
                group("g2", "Work", List.of(carol)),
                mp("m1", "新闻", "北京", "北京", "official"),
                mp("m2", "Tech", "广东", "深圳", "tech news")));
        // Same names, places and even puids as the first app's, plus puids of its own.
        Contact secret = friend("x9", "Secret", "Ally", 2, "北京", "北京");
        apply(otherApp, List.of(secret, friend("a1", "Alice", "Ally", 2, "北京", "北京"),
                group("gx", "家人群", List.of(secret)),
                group("g1", "家人群", List.of(secret)),
                mp("mx", "新闻", "北京", "北京", "official")));
    }

    @ParameterizedTest(name = "{0}?{1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            # /friends: puid, name, nick_name, user_name, remark_name, signature, sex, province, city
            /friends    |                      | a1 b2 c3 self0001
            /friends    | puid=a1              | a1
            /friends    | name=Ally            | a1
            /friends    | name=Bob             | b2
            /friends    | name=Carol           | c3
            /friends    | nick_name=Alice      | a1
            /friends    | user_name=@b2        | b2
            /friends    | remark_name=Ally     | a1
            /friends    | signature=签名 c3     | c3
            /friends    | sex=0                | c3
            /friends    | sex=1                | b2 self0001
            /friends    | sex=2                | a1
            /friends    | province=北京         | a1 c3
            /friends    | city=深圳             | b2 self0001
            /friends    | province=北京&sex=0   | c3
            /friends    | puid=x9              | none
            /friends    | nick_name=Secret     | none
            /friends    | puid=d4              | none
            # /groups: puid, name, nick_name, user_name
            /groups     |                      | g1 g2
            /groups     | puid=g2              | g2
            /groups     | name=家人群           | g1
            /groups     | nick_name=Work       | g2
            /groups     | user_name=@@g1       | g1
            /groups     | puid=gx              | none
            # /mps: puid, name, nick_name, province, city, signature
            /mps        |                      | m1 m2
            /mps        | puid=m2              | m2
            /mps        | name=Tech            | m2
            /mps        | nick_name=新闻        | m1
            /mps        | province=广东         | m2
            /mps        | city=北京             | m1
            /mps        | signature=tech news  | m2
            /mps        | puid=mx              | none
            # /members/{group_puid}: the friends' filters, over the group's own member records
            /members/g1 |                      | a1 b2 d4
            /members/g2 |                      | c3
            /members/g1 | puid=d4              | d4
            /members/g1 | name=Danny           | d4
            /members/g1 | nick_name=Bob        | b2
            /members/g1 | user_name=@a1        | a1
            /members/g1 | remark_name=Ally     | a1
            /members/g1 | signature=签名 d4     | d4
            /members/g1 | sex=0                | d4
            /members/g1 | sex=1                | b2
            /members/g1 | province=上海         | d4
            /members/g1 | city=北京             | a1
            /members/g1 | puid=c3              | none
            /members/g1 | puid=x9              | none
            """)
    void eachFilterAnswersExactlyItsContacts(String list, String query, String puids) {
        List<String> expected = puids == null ? List.of() : List.of(puids.split(" "));
        web.get().uri(list + (query == null ? "" : "?" + query)).header("X-Wechat-App-Id", appId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(expected.size())
                .jsonPath("$.results[*].puid").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/members/gx", "/members/x9", "/members/m1", "/members/a1"})
    void anotherAppsGroupOrANonGroupIsNotFound(String uri) {
        web.get().uri(uri).header("X-Wechat-App-Id", appId).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.errmsg").isEqualTo("未找到。")
                .jsonPath("$.code").isEqualTo("not_found");
    }

    private static Contact mp(String puid, String nickName, String province, String city, String signature) {
        return new Contact(puid, ContactKind.MP, "@" + puid, nickName, null, null, signature, 0, province, city, null,
                List.of());
    }

    private void apply(String app, List<Contact> contacts) {
        publish(Topics.CONTACTS, app,
                WeChatEvents.contactsSnapshot(new ContactsSnapshot(app, TestEvents.self(), contacts, T0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(db.sql(
                        "SELECT COUNT(*) FROM contact_snapshots WHERE app_id = :appId")
                .bind("appId", app).map(row -> row.get(0, Long.class)).one().block()));
    }
}
