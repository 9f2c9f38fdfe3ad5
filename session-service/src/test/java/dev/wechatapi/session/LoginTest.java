package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.events.WeChatEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginTest extends SessionServiceTest {

    @Test
    void aQrLoginReportsWaitingScannedAndLoggedInAndPublishesTheLoginWithAllContacts() {
        String appId = newAppId();
        String accountId = control.createAccount(ACCOUNT).get("accountId").asString();

        Map<String, Object> login = get(appId, "/login");
        assertThat(login.get("status")).isEqualTo("0");
        assertThat((String) login.get("qrcode")).contains((String) login.get("uuid"));
        String uuid = (String) login.get("uuid");

        Map<String, Object> waiting = checkLogin(appId, uuid);
        assertThat(waiting).containsEntry("status", "408").containsEntry("alive", null).containsEntry("avatar", null);

        control.scan(uuid, accountId);
        Map<String, Object> scanned = awaitCheckLogin(appId, uuid, "201");
        assertThat((String) scanned.get("avatar")).isNotBlank();
        assertThat(scanned.get("alive")).isNull();

        control.confirm(uuid);
        Map<String, Object> confirmed = awaitCheckLogin(appId, uuid, "200");
        assertThat(confirmed.get("alive")).isEqualTo(true);

        SessionStateChanged loggedIn = events.await(appId, EventTypes.SESSION_STATE, SessionStateChanged.class,
                s -> s.state() == SessionState.LOGGED_IN);
        ContactsSnapshot snapshot = events.await(appId, EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class,
                s -> true);
        assertThat(snapshot.self().nickName()).isEqualTo("测试号 😀");
        assertThat(loggedIn.accountPuid()).isEqualTo(snapshot.self().puid());
        assertThat(snapshot.contacts()).filteredOn(c -> c.kind() == ContactKind.FRIEND).extracting(Contact::nickName)
                .contains("张伟 🐼", "李娜", "王芳");
        Contact group = snapshot.contacts().stream().filter(c -> c.kind() == ContactKind.GROUP).findFirst()
                .orElseThrow();
        assertThat(group.nickName()).isEqualTo("周末爬山群 ⛰️");
        assertThat(group.members()).extracting(Contact::nickName).contains("张伟 🐼", "李娜");
        assertThat(snapshot.contacts()).anyMatch(c -> c.kind() == ContactKind.MP);

        Map<String, Object> status = get(appId, "/status");
        assertThat(status).containsEntry("state", "logged_in").containsEntry("alive", true);
        assertThat(status.get("account")).isEqualTo(Map.of("puid", snapshot.self().puid(), "name", "测试号 😀"));
        assertThat(status.get("capabilities")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("sends");
    }

    @Test
    void loggingInAgainHandsTheSessionOverWithoutALogoutAndKeepsThePuids() {
        LoggedIn first = login();
        String uuid = (String) get(first.appId(), "/login").get("uuid");
        assertThat(checkLogin(first.appId(), uuid)).containsEntry("status", "408").containsEntry("alive", true);
        control.scanAndConfirm(uuid, first.accountId());
        awaitCheckLogin(first.appId(), uuid, "200");

        ContactsSnapshot second = events.await(first.appId(), EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class,
                s -> !s.takenAt().equals(first.contacts().takenAt()));
        assertThat(second.self().puid()).isEqualTo(first.contacts().self().puid());
        assertThat(second.contacts()).extracting(Contact::puid)
                .containsExactlyInAnyOrderElementsOf(first.contacts().contacts().stream().map(Contact::puid).toList());
        assertThat(events.all(first.appId()))
                .filteredOn(e -> e.getType().equals(EventTypes.SESSION_STATE))
                .extracting(e -> WeChatEvents.payload(e, SessionStateChanged.class).state())
                .containsSubsequence(SessionState.LOGGED_IN, SessionState.LOGGED_IN)
                .doesNotContain(SessionState.LOGGED_OUT);
    }

    @Test
    void anExpiredQrCodeIsReportedAs400() {
        String appId = newAppId();
        String uuid = (String) get(appId, "/login").get("uuid");

        control.expire(uuid);

        assertThat(awaitCheckLogin(appId, uuid, "400")).containsEntry("alive", null);
        assertThat(get(appId, "/status")).containsEntry("state", "qr_expired");
    }

    @Test
    void checkLoginKnowsOnlyTheAppsOwnQrCodes() {
        String appId = newAppId();
        String uuid = (String) get(appId, "/login").get("uuid");

        client.get().uri("/check-login?uuid=" + uuid).header("X-Wechat-App-Id", newAppId()).exchange()
                .expectStatus().isNotFound()
                .expectBody().json("{\"errmsg\": \"无效的uuid\", \"code\": \"unknown_uuid\"}");
        client.get().uri("/check-login").header("X-Wechat-App-Id", appId).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("uuid_required");
    }

    @Test
    void aNewStatusIsNeverLoggedIn() {
        Map<String, Object> status = get(newAppId(), "/status");

        assertThat(status).containsEntry("state", "not_logged_in").containsEntry("alive", null)
                .containsEntry("account", null).containsEntry("last_sync", null);
    }
}
