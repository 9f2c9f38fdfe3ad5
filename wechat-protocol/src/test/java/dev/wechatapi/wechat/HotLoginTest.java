package dev.wechatapi.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.simulator.WeChatSimulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/** Resuming a saved session in a new driver, as after a restart, without a QR scan (§12). */
class HotLoginTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300)));

    private final SimulatorControl control = simulator.control();
    private String accountId;
    private WeChatSession session;

    @BeforeEach
    void logIn() throws WeChatException {
        accountId = control.createAccount(Map.of("nickName", "小明😀", "friends", List.of("张伟"), "groups", 0))
                .get("accountId").asString();
        session = Phones.logIn(newDriver(), control, accountId);
        Phones.syncUntil(session, seen -> !seen.messages().isEmpty());
    }

    @Test
    void resumedSessionReceivesWhatArrivedWhileItWasDownAndSends() throws Exception {
        String saved = JsonMapper.builder().build().writeValueAsString(session.credentials());
        int qrCodes = control.qrCodes().size();
        String msgId = control.sendText(accountId, "张伟", "重启期间的消息📨");

        SessionCredentials restored = JsonMapper.builder().build().readValue(saved, SessionCredentials.class);
        WeChatSession resumed = newDriver().resume(restored);
        SyncBatch batch = Phones.syncUntil(resumed, seen -> seen.messages().stream().anyMatch(m -> m.msgId().equals(msgId)));
        SentMessage sent = resumed.sendText(control.account(accountId).get("friends").get(0).get("userName").asString(), "我回来了");

        assertThat(batch.messages()).extracting(WeChatMessage::content).contains("重启期间的消息📨");
        assertThat(resumed.self().userName()).isEqualTo(session.self().userName());
        assertThat(control.sent(accountId).get(0).get("msgId").asString()).isEqualTo(Long.toString(sent.msgId()));
        assertThat(control.qrCodes().size()).isEqualTo(qrCodes);
        assertThat(control.account(accountId).get("online").asBoolean()).isTrue();
    }

    @Test
    void credentialsSurviveJavaSerialisation() throws Exception {
        SessionCredentials credentials = session.credentials();
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(credentials);
        }

        Object read;
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }

        assertThat(read).isEqualTo(credentials);
        assertThat(newDriver().resume((SessionCredentials) read).contacts()).extracting(WeChatContact::nickName).contains("张伟");
    }

    @Test
    void resumeAfterThePhoneLoggedOutIsLoggedOut() throws Exception {
        SessionCredentials credentials = session.credentials();
        control.logout(accountId, 1102);

        assertThatThrownBy(() -> newDriver().resume(credentials)).isInstanceOfSatisfying(WeChatException.LoggedOut.class,
                loggedOut -> assertThat(loggedOut.code()).isEqualTo(1102));
    }

    @Test
    void resumeAfterANewQrLoginIsLoggedOut() throws Exception {
        SessionCredentials credentials = session.credentials();
        Phones.logIn(newDriver(), control, accountId);

        assertThatThrownBy(() -> newDriver().resume(credentials)).isInstanceOf(WeChatException.LoggedOut.class);
    }

    @Test
    void credentialsOfAnotherDriverAreUnsupported() throws Exception {
        SessionCredentials web = session.credentials();
        var other = new SessionCredentials("ipad", web.uin(), web.sid(), web.skey(), web.passTicket(), web.deviceId(),
                web.mainHost(), web.fileHost(), web.pushHost(), web.cookies(), web.syncKey(), web.syncCheckKey(),
                web.selfUserName(), web.issuedAt());

        assertThatThrownBy(() -> newDriver().resume(other)).isInstanceOf(WeChatException.Unsupported.class);
    }

    @Test
    void credentialsDoNotPrintTheirSecrets() throws Exception {
        SessionCredentials credentials = session.credentials();

        assertThat(credentials.toString()).doesNotContain(credentials.sid(), credentials.skey(), credentials.passTicket());
    }

    private static WeChatDriver newDriver() {
        return new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl())));
    }
}
