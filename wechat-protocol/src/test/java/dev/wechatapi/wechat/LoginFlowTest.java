package dev.wechatapi.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.WeChatSimulatorExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginFlowTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300)));

    private final WeChatDriver driver = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl())));

    @Test
    void qrLoginGoesFromWaitingThroughScannedAndConfirmedToASession() throws Exception {
        String accountId = simulator.control().createAccount(Map.of("nickName", "登录😀小明", "friends", 1))
                .get("accountId").asString();

        QrLogin qr = driver.startLogin();
        LoginPoll waiting = driver.pollLogin(qr);
        simulator.control().scan(qr.uuid(), accountId);
        LoginPoll scanned = driver.pollLogin(qr);
        simulator.control().confirm(qr.uuid());
        LoginPoll confirmed = driver.pollLogin(qr);
        WeChatSession session = driver.completeLogin((LoginPoll.Confirmed) confirmed);

        assertThat(qr.uuid()).matches("[A-Za-z0-9]{10}==");
        assertThat(qr.qrContent()).isEqualTo("https://login.weixin.qq.com/l/" + qr.uuid());
        assertThat(qr.qrImage().toString()).isEqualTo(simulator.baseUrl() + "/qrcode/" + qr.uuid());
        assertThat(waiting).isInstanceOf(LoginPoll.Waiting.class);
        assertThat(scanned).isInstanceOfSatisfying(LoginPoll.Scanned.class, scan -> assertThat(
                Base64.getDecoder().decode(scan.avatarBase64Jpeg())).startsWith((byte) 0xFF, (byte) 0xD8));
        assertThat(confirmed).isInstanceOfSatisfying(LoginPoll.Confirmed.class,
                ok -> assertThat(ok.redirectUri().toString()).startsWith(simulator.baseUrl() + "/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket="));
        assertThat(session.self().nickName()).isEqualTo("登录😀小明");
        assertThat(session.self().userName()).startsWith("@");
        assertThat(session.self().uin()).isEqualTo(simulator.control().account(accountId).get("uin").asLong());
        assertThat(simulator.control().account(accountId).get("online").asBoolean()).isTrue();
    }

    @Test
    void expiredQrCodeIsReportedAsExpired() throws Exception {
        QrLogin qr = driver.startLogin();
        simulator.control().expire(qr.uuid());

        assertThat(driver.pollLogin(qr)).isInstanceOf(LoginPoll.Expired.class);
    }

    @Test
    void accountRefusedWebLoginFailsWithWeChatsExplanation() throws Exception {
        String accountId = simulator.control()
                .createAccount(Map.of("loginBlocked", "为了你的帐号安全，此微信号不能登录网页微信。"))
                .get("accountId").asString();
        QrLogin qr = driver.startLogin();
        simulator.control().scanAndConfirm(qr.uuid(), accountId);
        LoginPoll.Confirmed confirmed = Phones.awaitConfirmed(driver, qr);

        assertThatThrownBy(() -> driver.completeLogin(confirmed))
                .isInstanceOf(WeChatException.LoginBlocked.class)
                .hasMessage("为了你的帐号安全，此微信号不能登录网页微信。");
    }

    @Test
    void desktopModeLogsInAsTheUosClient() throws Exception {
        var desktop = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl())).withDesktopMode(true));
        String accountId = simulator.control().createAccount(Map.of("friends", 1, "groups", 0, "mps", 0))
                .get("accountId").asString();

        WeChatSession session = Phones.logIn(desktop, simulator.control(), accountId);

        assertThat(simulator.control().qrCodes().get(0).get("desktopMode").asBoolean()).isTrue();
        assertThat(session.contacts()).hasSize(1);
    }

    @Test
    void capabilitiesNameTheWebDriverAndEverySendKind() {
        assertThat(driver.capabilities().driver()).isEqualTo("web");
        assertThat(driver.capabilities().sends()).containsExactlyInAnyOrder("text", "image", "file", "video");
        assertThat(driver.capabilities().contacts()).isTrue();
    }
}
