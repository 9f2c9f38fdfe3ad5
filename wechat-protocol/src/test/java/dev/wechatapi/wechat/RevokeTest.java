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

/** Taking back a sent message with webwxrevokemsg (§9.7). */
class RevokeTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300))
            .withRevokeWindow(Duration.ofSeconds(1)));

    private final WeChatDriver driver = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl())));
    private final SimulatorControl control = simulator.control();
    private String accountId;
    private WeChatSession session;
    private String friend;

    @BeforeEach
    void logIn() throws WeChatException {
        accountId = control.createAccount(Map.of("nickName", "小明", "friends", List.of("张伟"), "groups", 0))
                .get("accountId").asString();
        session = Phones.logIn(driver, control, accountId);
        Phones.syncUntil(session, seen -> !seen.messages().isEmpty());
        friend = control.account(accountId).get("friends").get(0).get("userName").asString();
    }

    @Test
    void webDriverSupportsRevoking() {
        assertThat(driver.capabilities().supports(Capabilities.REVOKE)).isTrue();
    }

    @Test
    void revokedMessageIsRecordedAndTheSessionReceivesTheRecallNotice() throws Exception {
        SentMessage sent = session.sendText(friend, "发错了😅");

        session.revoke(sent);
        SyncBatch batch = Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.kind() == MsgKind.RECALL));

        JsonNode record = control.sent(accountId).get(0);
        assertThat(record.get("msgId").asString()).isEqualTo(Long.toString(sent.msgId()));
        assertThat(record.get("revoked").asBoolean()).isTrue();
        WeChatMessage notice = batch.messages().stream().filter(m -> m.kind() == MsgKind.RECALL).findFirst().orElseThrow();
        var recall = (MessageDetail.Recall) notice.detail();
        assertThat(recall.recalledMsgId()).isEqualTo(Long.toString(sent.msgId()));
        assertThat(recall.replaceText()).isEqualTo("你撤回了一条消息");
        assertThat(notice.fromUserName()).isEqualTo(session.self().userName());
        assertThat(notice.toUserName()).isEqualTo(friend);
    }

    @Test
    void revokingAfterTheWindowIsRefusedAndNothingIsRevoked() throws Exception {
        SentMessage sent = session.sendText(friend, "太晚了");
        Thread.sleep(1_300);

        assertThatThrownBy(() -> session.revoke(sent)).isInstanceOf(WeChatException.ProtocolError.class)
                .hasMessageContaining("two minutes");
        assertThat(control.sent(accountId).get(0).get("revoked").asBoolean()).isFalse();
    }

    @Test
    void revokingAMessageThisAccountNeverSentIsAProtocolError() throws Exception {
        SentMessage sent = session.sendText(friend, "真的");
        var forged = new SentMessage(sent.msgId() + 1, sent.localId(), friend, sent.sentAt());

        assertThatThrownBy(() -> session.revoke(forged)).isInstanceOf(WeChatException.ProtocolError.class);
        assertThat(control.sent(accountId).get(0).get("revoked").asBoolean()).isFalse();
    }
}
