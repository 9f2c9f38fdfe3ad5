package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.internal.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** webwxrevokemsg answers in the reference's format (§9.7) and within a window only. */
class RevokeWireTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator =
            new WeChatSimulatorExtension(SimulatorConfig.forTests().withRevokeWindow(Duration.ofMillis(500)));

    private final SimulatorControl control = simulator.control();

    @Test
    void revokeAnswersIntroductionAndSysWordingThenRetMinusOneAfterTheWindow() throws Exception {
        String accountId = control.createAccount(Map.of("friends", List.of("张伟"), "groups", 0)).get("accountId").asString();
        var client = new RawClient(simulator.simulator());
        var credentials = client.login(accountId);
        String friend = control.account(accountId).get("friends").get(0).get("userName").asString();
        String first = send(client, credentials, friend, "1");
        String second = send(client, credentials, friend, "2");

        JsonNode revoked = revoke(client, credentials, friend, first);
        JsonNode again = revoke(client, credentials, friend, first);
        Thread.sleep(700);
        JsonNode late = revoke(client, credentials, friend, second);
        JsonNode unknown = revoke(client, credentials, friend, "123");

        assertThat(revoked.get("BaseResponse").get("Ret").asInt()).isZero();
        assertThat(revoked.get("Introduction").asString()).isEqualTo("你可以撤回2分钟内发送的消息（部分旧版本微信不支持这个功能）。");
        assertThat(revoked.get("SysWording").asString()).isEqualTo("已撤回");
        assertThat(again.get("BaseResponse").get("Ret").asInt()).isZero();
        assertThat(late.get("BaseResponse").get("Ret").asInt()).isEqualTo(-1);
        assertThat(late.get("Introduction").asString()).isEmpty();
        assertThat(late.get("SysWording").asString()).isEmpty();
        assertThat(unknown.get("BaseResponse").get("Ret").asInt()).isEqualTo(1);
        JsonNode sent = control.sent(accountId);
        assertThat(sent.get(0).get("revoked").asBoolean()).isTrue();
        assertThat(sent.get(0).get("revokedAt").asString()).isNotBlank();
        assertThat(sent.get(1).get("revoked").asBoolean()).isFalse();
    }

    private static String send(RawClient client, RawClient.Credentials credentials, String to, String text) {
        var body = Json.object().set("BaseRequest", credentials.baseRequest());
        body.putObject("Msg").put("Type", 1).put("Content", text).put("ToUserName", to).put("LocalID", "1700000000000000" + text);
        return client.postJson("/cgi-bin/mmwebwx-bin/webwxsendmsg", body).get("MsgID").asString();
    }

    private static JsonNode revoke(RawClient client, RawClient.Credentials credentials, String to, String msgId) {
        var body = Json.object().set("BaseRequest", credentials.baseRequest());
        body.put("SvrMsgId", msgId).put("ToUserName", to).put("ClientMsgId", "17000000000000001");
        return client.postJson("/cgi-bin/mmwebwx-bin/webwxrevokemsg", body);
    }
}
