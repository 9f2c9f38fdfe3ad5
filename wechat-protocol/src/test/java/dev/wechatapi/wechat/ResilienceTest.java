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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Slow, dropped and truncated answers, blocked logins and ended sessions, scripted on the simulator. */
class ResilienceTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300)));

    private final WeChatDriver driver = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl()))
            .withCallTimeout(Duration.ofMillis(800)));
    private final SimulatorControl control = simulator.control();
    private String accountId;

    @BeforeEach
    void createAccount() {
        accountId = control.createAccount(Map.of("nickName", "小明😀", "friends", List.of("张伟"), "groups", 0))
                .get("accountId").asString();
    }

    @AfterEach
    void clearFaults() {
        control.clearFaults();
    }

    @Test
    void blockedWebLoginIsLoginBlockedWithWeChatsMessage() throws Exception {
        control.blockLogin(accountId, "为了你的帐号安全，此微信号不能登录网页微信。");
        QrLogin qr = driver.startLogin();
        control.scanAndConfirm(qr.uuid(), accountId);
        LoginPoll.Confirmed confirmed = Phones.awaitConfirmed(driver, qr);

        assertThatThrownBy(() -> driver.completeLogin(confirmed)).isInstanceOf(WeChatException.LoginBlocked.class)
                .hasMessage("为了你的帐号安全，此微信号不能登录网页微信。");
    }

    @Test
    void liftedBlockLetsTheNextLoginThrough() throws Exception {
        control.blockLogin(accountId, "blocked");
        control.blockLogin(accountId, null);

        assertThat(Phones.logIn(driver, control, accountId).self().nickName()).isEqualTo("小明😀");
    }

    @Test
    void slowSyncTimesOutAsUnreachableAndTheNextSyncDeliversTheMessage() throws Exception {
        WeChatSession session = Phones.logIn(driver, control, accountId);
        String msgId = control.sendText(accountId, "张伟", "慢一点🐢");
        control.fault("webwxsync", 2_000, false, false, 1);

        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.Unreachable.class);
        SyncBatch batch = Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.msgId().equals(msgId)));

        assertThat(batch.messages()).extracting(WeChatMessage::content).contains("慢一点🐢");
    }

    @Test
    void droppedConnectionsAreUnreachableUntilTheServerAnswersAgain() throws Exception {
        WeChatSession session = Phones.logIn(driver, control, accountId);
        control.sendText(accountId, "张伟", "在吗");
        control.fault("synccheck", 0, true, false, 5);

        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.Unreachable.class);
        control.clearFaults();
        assertThat(Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.content().equals("在吗"))))
                .isNotNull();
    }

    @Test
    void truncatedSyncAnswerIsAProtocolErrorAndNothingIsLost() throws Exception {
        WeChatSession session = Phones.logIn(driver, control, accountId);
        String msgId = control.sendText(accountId, "张伟", "截断✂️");
        control.fault("webwxsync", 0, false, true, 1);

        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.ProtocolError.class);
        SyncBatch batch = Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.msgId().equals(msgId)));

        assertThat(batch.messages()).extracting(WeChatMessage::msgId).contains(msgId);
    }

    @Test
    void slowLoginStepIsUnreachable() throws Exception {
        QrLogin qr = driver.startLogin();
        control.scanAndConfirm(qr.uuid(), accountId);
        LoginPoll.Confirmed confirmed = Phones.awaitConfirmed(driver, qr);
        control.fault("webwxinit", 2_000, false, false, 1);

        assertThatThrownBy(() -> driver.completeLogin(confirmed)).isInstanceOf(WeChatException.Unreachable.class);
    }

    @Test
    void interruptedSyncIsUnreachableAndKeepsTheInterrupt() throws Exception {
        WeChatSession session = Phones.logIn(driver, control, accountId);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(session::sync).isInstanceOf(WeChatException.Unreachable.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void everySessionEndCodeIsLoggedOutWithThatCode() throws Exception {
        for (int retcode : new int[] {1100, 1101, 1102}) {
            WeChatSession session = Phones.logIn(driver, control, accountId);
            control.injectMessage(accountId, Map.of("from", "张伟", "text", "hi"));
            Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.content().equals("hi")));
            control.logout(accountId, retcode);

            assertThatThrownBy(session::sync).isInstanceOfSatisfying(WeChatException.LoggedOut.class,
                    loggedOut -> assertThat(loggedOut.code()).isEqualTo(retcode));
        }
    }
}
