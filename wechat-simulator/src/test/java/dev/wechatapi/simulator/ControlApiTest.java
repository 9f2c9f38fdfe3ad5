package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wechatapi.simulator.internal.http.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class ControlApiTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension();

    private final SimulatorControl control = simulator.control();

    @Test
    void generatedAccountHasTheRequestedNumbersOfUniquelyNamedContacts() {
        JsonNode account = control.createAccount(Map.of("friends", 30, "groups", 3, "membersPerGroup", 5, "mps", 2));

        assertThat(account.get("accountId").asString()).isNotBlank();
        assertThat(account.get("friends")).hasSize(30);
        assertThat(account.get("friends")).extracting(f -> f.get("nickName").asString()).doesNotHaveDuplicates();
        assertThat(account.get("groups")).hasSize(3).allSatisfy(group -> assertThat(group.get("members")).hasSize(6));
        assertThat(account.get("mps")).hasSize(2).allSatisfy(mp -> assertThat(mp.get("verifyFlag").asInt() & 8).isEqualTo(8));
        assertThat(account.get("online").asBoolean()).isFalse();
    }

    @Test
    void explicitFriendsKeepEveryGivenField() {
        JsonNode account = control.createAccount(Map.of("nickName", "小明😀", "friends", List.of(Map.of(
                "nickName", "王芳🌷", "remarkName", "芳姐", "sex", 2, "province", "广东", "city", "深圳",
                "signature", "岁月静好", "alias", "wangfang_88"))));

        JsonNode friend = account.get("friends").get(0);
        assertThat(account.get("nickName").asString()).isEqualTo("小明😀");
        assertThat(friend.get("nickName").asString()).isEqualTo("王芳🌷");
        assertThat(friend.get("remarkName").asString()).isEqualTo("芳姐");
        assertThat(friend.get("sex").asInt()).isEqualTo(2);
        assertThat(friend.get("city").asString()).isEqualTo("深圳");
        assertThat(friend.get("alias").asString()).isEqualTo("wangfang_88");
    }

    @Test
    void injectingIntoAnAccountThatIsNotLoggedInIsAConflict() {
        String accountId = control.createAccount(Map.of("friends", 1)).get("accountId").asString();

        assertThatThrownBy(() -> control.sendText(accountId, 0, "hi")).hasMessageContaining("409")
                .hasMessageContaining("not logged in");
    }

    @Test
    void unknownAccountsAndQrCodesAre404() {
        assertThatThrownBy(() -> control.account("nobody")).hasMessageContaining("404");
        assertThatThrownBy(() -> control.confirm("nothing==")).hasMessageContaining("404");
    }

    @Test
    void confirmingAnUnscannedCodeIsAConflict() {
        String uuid = new RawClient(simulator.simulator()).newUuid();

        assertThat(control.newestWaitingQr()).isEqualTo(uuid);
        assertThatThrownBy(() -> control.confirm(uuid)).hasMessageContaining("409");
    }

    @Test
    void sendFailuresAreAnsweredWithTheScheduledRet() {
        String accountId = control.createAccount(Map.of("friends", 1)).get("accountId").asString();
        var client = new RawClient(simulator.simulator());
        var credentials = client.login(accountId);
        String friend = control.account(accountId).get("friends").get(0).get("userName").asString();
        control.failNextSends(accountId, 1205, 1);
        var send = Json.object().set("BaseRequest", credentials.baseRequest());
        send.putObject("Msg").put("Type", 1).put("Content", "hi").put("ToUserName", friend).put("LocalID", "1");

        JsonNode limited = client.postJson("/cgi-bin/mmwebwx-bin/webwxsendmsg", send);
        JsonNode accepted = client.postJson("/cgi-bin/mmwebwx-bin/webwxsendmsg", send);

        assertThat(limited.get("BaseResponse").get("Ret").asInt()).isEqualTo(1205);
        assertThat(accepted.get("BaseResponse").get("Ret").asInt()).isZero();
        assertThat(control.sent(accountId)).hasSize(1);
    }

    @Test
    void groupMessageCarriesTheMemberPrefixAndTheMention() {
        String accountId = control.createAccount(Map.of("nickName", "小明", "friends", List.of("张伟"),
                "groups", List.of(Map.of("nickName", "家人群", "members", List.of("张伟"))))).get("accountId").asString();
        new RawClient(simulator.simulator()).login(accountId);
        String memberUserName = control.account(accountId).get("friends").get(0).get("userName").asString();

        JsonNode message = control.injectMessage(accountId, Map.of("group", "家人群", "member", "张伟",
                "text", "晚上吃饭", "mentionSelf", true));

        assertThat(memberUserName).matches("@[0-9a-f]{32}");
        assertThat(message.get("content").asString()).isEqualTo(memberUserName + ":<br/>@小明\u2005晚上吃饭");
        assertThat(message.get("fromUserName").asString()).startsWith("@@");
    }
}
