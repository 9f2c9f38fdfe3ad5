package dev.wechatapi.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.simulator.WeChatSimulatorExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Logging in again by a prompt on the phone instead of a QR code (webwxpushloginurl, §2.7). */
class PushLoginTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300)));

    private final WebWeChatConfig config = WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl()));
    private final SimulatorControl control = simulator.control();
    private String accountId;
    private SessionCredentials saved;

    @BeforeEach
    void logInAndGetLoggedOut() throws WeChatException {
        accountId = control.createAccount(Map.of("nickName", "小明😀", "friends", List.of("张伟"), "groups", 0))
                .get("accountId").asString();
        WeChatSession first = Phones.logIn(new WebWeChatDriver(config), control, accountId);
        saved = first.credentials();
        control.logout(accountId, 1101);
    }

    @Test
    void phoneConfirmsThePromptAndTheNewSessionWorks() throws Exception {
        WeChatDriver driver = new WebWeChatDriver(config);

        QrLogin prompt = driver.pushLogin(saved);
        JsonNode attempt = control.qrCodes().get(0);
        LoginPoll beforeConfirm = driver.pollLogin(prompt);
        control.confirmPushLogin(accountId);
        WeChatSession session = driver.completeLogin(Phones.awaitConfirmed(driver, prompt));
        String msgId = control.sendText(accountId, "张伟", "欢迎回来");
        SyncBatch batch = Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.msgId().equals(msgId)));

        assertThat(attempt.get("uuid").asString()).isEqualTo(prompt.uuid());
        assertThat(attempt.get("push").asBoolean()).isTrue();
        assertThat(attempt.get("accountId").asString()).isEqualTo(accountId);
        assertThat(attempt.get("desktopMode").asBoolean()).isFalse();
        assertThat(beforeConfirm).isInstanceOf(LoginPoll.Waiting.class);
        assertThat(session.self().nickName()).isEqualTo("小明😀");
        assertThat(batch.messages()).extracting(WeChatMessage::content).contains("欢迎回来");
        assertThat(control.account(accountId).get("online").asBoolean()).isTrue();
    }

    @Test
    void desktopModeAsksForADesktopPush() throws Exception {
        WeChatDriver driver = new WebWeChatDriver(config.withDesktopMode(true));

        QrLogin prompt = driver.pushLogin(saved);

        JsonNode attempt = control.qrCodes().get(0);
        assertThat(attempt.get("uuid").asString()).isEqualTo(prompt.uuid());
        assertThat(attempt.get("desktopMode").asBoolean()).isTrue();
    }

    @Test
    void withoutTheDevicesAuthTicketWeChatRefuses() {
        var forgedCookies = saved.cookies().stream()
                .map(c -> c.name().equals("webwx_auth_ticket")
                        ? new SessionCredentials.Cookie(c.name(), "forged", c.domain(), c.path(), c.expiresAtMillis(), c.secure(),
                                c.httpOnly(), c.hostOnly())
                        : c)
                .toList();
        var forged = new SessionCredentials(saved.driver(), saved.uin(), saved.sid(), saved.skey(), saved.passTicket(),
                saved.deviceId(), saved.mainHost(), saved.fileHost(), saved.pushHost(), forgedCookies, saved.syncKey(),
                saved.syncCheckKey(), saved.selfUserName(), saved.issuedAt());

        assertThatThrownBy(() -> new WebWeChatDriver(config).pushLogin(forged)).isInstanceOf(WeChatException.ProtocolError.class)
                .hasMessageContaining("ret 1");
        assertThatThrownBy(() -> control.confirmPushLogin(accountId)).hasMessageContaining("409");
    }

    @Test
    void webDriverSupportsPushLogin() {
        assertThat(new WebWeChatDriver(config).capabilities().supports(Capabilities.PUSH_LOGIN)).isTrue();
    }
}
