package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.EventTypes;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.json.JsonCompareMode;

class UpdateContactsTest extends SessionServiceTest {

    @Test
    void updatePublishesAFreshSnapshotWithTheSamePuidsBeforeAnswering() {
        LoggedIn app = login();

        client.get().uri("/update?access_token=ignored").header("X-Wechat-App-Id", app.appId()).exchange()
                .expectStatus().isCreated()
                .expectBody().json("{\"msg\": \"更新成功!\"}", JsonCompareMode.STRICT);

        ContactsSnapshot fresh = events.await(app.appId(), EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class,
                s -> s.takenAt().isAfter(app.contacts().takenAt()));
        assertThat(fresh.self().puid()).isEqualTo(app.contacts().self().puid());
        assertThat(puids(fresh.contacts())).isEqualTo(puids(app.contacts().contacts()));
        Contact group = fresh.contacts().stream().filter(c -> c.kind() == ContactKind.GROUP).findFirst().orElseThrow();
        assertThat(group.members()).extracting(Contact::nickName).contains("张伟 🐼", "李娜");
        assertThat(fresh.contacts()).anySatisfy(c -> assertThat(c.kind()).isEqualTo(ContactKind.MP));
    }

    @Test
    void updateOfAnAppThatIsNotLoggedInIsTheOfflineError() {
        client.get().uri("/update").header("X-Wechat-App-Id", newAppId()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().json("{\"errmsg\": \"微信号不在线!请先登录\", \"code\": \"offline\"}",
                        JsonCompareMode.STRICT);
    }

    @Test
    void updateAfterWeChatEndedTheSessionIsTheOfflineError() {
        LoggedIn app = login();
        control.logout(app.accountId());

        client.get().uri("/update").header("X-Wechat-App-Id", app.appId()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("offline");
    }

    @Test
    void updateWithoutTheGatewaysHeaderIsUnauthenticated() {
        client.get().uri("/update").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
    }

    private static List<String> puids(List<Contact> contacts) {
        return contacts.stream().map(Contact::puid).sorted(Comparator.naturalOrder()).toList();
    }
}
