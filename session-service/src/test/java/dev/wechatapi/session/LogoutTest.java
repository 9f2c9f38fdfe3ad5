package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogoutTest extends SessionServiceTest {

    @Test
    void logoutEndsTheSessionOnWeChatAndPublishesLoggedOut() {
        LoggedIn app = login();

        client.post().uri("/logout").header("X-Wechat-App-Id", app.appId()).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"msg\": \"已退出\"}");

        assertThat(checkLogin(app.appId(), app.uuid())).containsEntry("alive", false);
        assertThat(get(app.appId(), "/status")).containsEntry("state", "logged_out").containsEntry("alive", false);
        SessionStateChanged out = events.await(app.appId(), EventTypes.SESSION_STATE, SessionStateChanged.class,
                s -> s.state() == SessionState.LOGGED_OUT);
        assertThat(out.accountPuid()).isEqualTo(app.contacts().self().puid());
        assertThat(control.account(app.accountId()).get("online").asBoolean()).isFalse();
        client.post().uri("/send-message").header("X-Wechat-App-Id", app.appId())
                .bodyValue(Map.of("type", "text", "puid", app.puidOf("李娜"), "text", "hi"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("offline");
    }

    @Test
    void beingLoggedOutFromThePhoneEndsTheSessionAndPublishesLoggedOut() {
        LoggedIn app = login();

        control.logout(app.accountId());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> checkLogin(app.appId(), app.uuid()).get("alive"), alive -> Boolean.FALSE.equals(alive));
        SessionStateChanged out = events.await(app.appId(), EventTypes.SESSION_STATE, SessionStateChanged.class,
                s -> s.state() == SessionState.LOGGED_OUT);
        assertThat(out.reason()).contains("1101");
    }

    @Test
    void logoutWithoutASessionIsHarmless() {
        client.post().uri("/logout").header("X-Wechat-App-Id", newAppId()).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"msg\": \"已退出\"}");
    }
}
