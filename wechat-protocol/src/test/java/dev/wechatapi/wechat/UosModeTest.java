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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** UOS desktop mode (§2.6) against a simulator whose UOS gate requires the extspam header. */
class UosModeTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300))
            .withRequireExtspam(true));

    private final WebWeChatConfig web = WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl()));
    private final SimulatorControl control = simulator.control();

    @Test
    void desktopModeSendsExtspamAndGetsThroughTheGate() throws Exception {
        String accountId = control.createAccount(Map.of("friends", List.of("张伟"), "groups", 0)).get("accountId").asString();

        WeChatSession session = Phones.logIn(new WebWeChatDriver(web.withDesktopMode(true)), control, accountId);

        assertThat(control.qrCodes().get(0).get("desktopMode").asBoolean()).isTrue();
        assertThat(control.account(accountId).get("online").asBoolean()).isTrue();
        String msgId = control.sendText(accountId, "张伟", "桌面版你好");
        assertThat(Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.msgId().equals(msgId))).messages())
                .extracting(WeChatMessage::content).contains("桌面版你好");
    }

    @Test
    void webModeIsRefusedWithWeChatsMessage() throws Exception {
        String accountId = control.createAccount(Map.of("friends", 1, "groups", 0)).get("accountId").asString();
        WeChatDriver driver = new WebWeChatDriver(web);
        QrLogin qr = driver.startLogin();
        control.scanAndConfirm(qr.uuid(), accountId);
        LoginPoll.Confirmed confirmed = Phones.awaitConfirmed(driver, qr);

        assertThatThrownBy(() -> driver.completeLogin(confirmed)).isInstanceOf(WeChatException.LoginBlocked.class)
                .hasMessageContaining("为了保障你的账号安全，暂不支持使用网页版微信");
        assertThat(control.account(accountId).get("online").asBoolean()).isFalse();
    }
}
