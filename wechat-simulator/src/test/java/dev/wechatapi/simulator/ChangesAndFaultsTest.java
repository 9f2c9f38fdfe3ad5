package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wechatapi.simulator.RawClient.Credentials;
import dev.wechatapi.simulator.internal.http.Json;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Contact changes in webwxsync (§16.2.9), blocked logins (§14.1) and scheduled faults, on the wire. */
class ChangesAndFaultsTest {

    private static final String CGI = "/cgi-bin/mmwebwx-bin/";

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withSyncCheckHold(Duration.ofMillis(300)));

    private final RawClient client = new RawClient(simulator.simulator());
    private final SimulatorControl control = simulator.control();
    private String accountId;

    @BeforeEach
    void createAccount() {
        accountId = control.createAccount(Map.of("nickName", "变更测试", "friends", List.of("张伟", "老王"),
                        "groups", List.of(Map.of("nickName", "家人群", "members", List.of("张伟")))))
                .get("accountId").asString();
    }

    @AfterEach
    void clearFaults() {
        control.clearFaults();
    }

    @Test
    void contactChangesWakeSyncCheckAndArriveAsFullObjectsOnce() {
        Credentials credentials = client.login(accountId);
        client.init(credentials);
        sync(credentials);

        control.addFriend(accountId, Map.of("nickName", "新朋友"));
        control.deleteFriend(accountId, "老王");
        control.changeGroup(accountId, "家人群", Map.of("add", List.of("老王", "陌生人")));
        String check = client.get(CGI + "synccheck?sid=" + credentials.sid() + "&uin=" + credentials.uin() + "&synckey=").body();
        JsonNode first = sync(credentials);
        JsonNode second = sync(credentials);

        assertThat(check).isEqualTo("window.synccheck={retcode:\"0\",selector:\"2\"}");
        assertThat(first.get("ModContactCount").asInt()).isEqualTo(first.get("ModContactList").size()).isEqualTo(2);
        assertThat(first.get("DelContactCount").asInt()).isEqualTo(first.get("DelContactList").size()).isEqualTo(1);
        JsonNode added = first.get("ModContactList").get(0);
        assertThat(added.get("NickName").asString()).isEqualTo("新朋友");
        assertThat(added.get("VerifyFlag").isInt()).isTrue();
        JsonNode group = first.get("ModContactList").get(1);
        assertThat(group.get("UserName").asString()).startsWith("@@");
        assertThat(group.get("MemberList")).extracting(m -> m.get("NickName").asString()).containsExactly("变更测试", "张伟", "老王", "陌生人");
        assertThat(group.get("MemberCount").asInt()).isEqualTo(4);
        assertThat(first.get("DelContactList").get(0).get("NickName").asString()).isEqualTo("老王");
        assertThat(second.get("ModContactCount").asInt()).isZero();
    }

    @Test
    void contactChangesAdvanceKey2AndAreGivenAgainToAClientSyncingWithTheOldKey() {
        Credentials credentials = client.login(accountId);
        JsonNode before = sync(credentials, client.init(credentials).get("SyncKey")).get("SyncKey");

        control.addFriend(accountId, Map.of("nickName", "新朋友"));
        String check = syncCheck(credentials, before);
        JsonNode first = sync(credentials, before);
        JsonNode replay = sync(credentials, before);
        JsonNode after = sync(credentials, first.get("SyncKey"));
        String quiet = syncCheck(credentials, first.get("SyncKey"));

        assertThat(check).isEqualTo("window.synccheck={retcode:\"0\",selector:\"2\"}");
        assertThat(first.get("ModContactList")).extracting(c -> c.get("NickName").asString()).containsExactly("新朋友");
        assertThat(key(first.get("SyncKey"), 2)).isEqualTo(key(before, 2) + 1);
        assertThat(key(first.get("SyncKey"), 1)).isEqualTo(key(before, 1));
        assertThat(first.get("SyncCheckKey")).isEqualTo(first.get("SyncKey"));
        assertThat(replay.get("ModContactList")).isEqualTo(first.get("ModContactList"));
        assertThat(replay.get("SyncKey")).isEqualTo(first.get("SyncKey"));
        assertThat(after.get("ModContactCount").asInt()).isZero();
        assertThat(after.get("DelContactCount").asInt()).isZero();
        assertThat(quiet).isEqualTo("window.synccheck={retcode:\"0\",selector:\"0\"}");
    }

    @Test
    void eachChangeIsReportedOnceInOrderAcrossSyncs() {
        Credentials credentials = client.login(accountId);
        JsonNode key = sync(credentials, client.init(credentials).get("SyncKey")).get("SyncKey");

        control.modifyFriend(accountId, "张伟", Map.of("remarkName", "伟哥"));
        JsonNode first = sync(credentials, key);
        control.deleteFriend(accountId, "老王");
        control.addFriend(accountId, Map.of("nickName", "小李"));
        JsonNode second = sync(credentials, first.get("SyncKey"));

        assertThat(first.get("ModContactList")).extracting(c -> c.get("RemarkName").asString()).containsExactly("伟哥");
        assertThat(second.get("DelContactList")).extracting(c -> c.get("NickName").asString()).containsExactly("老王");
        assertThat(second.get("ModContactList")).extracting(c -> c.get("NickName").asString()).containsExactly("小李");
        assertThat(key(second.get("SyncKey"), 2)).isEqualTo(key(key, 2) + 3);
    }

    @Test
    void friendRequestAcceptedTheClassicItchatWayBecomesAFriend() {
        Credentials credentials = client.login(accountId);
        client.init(credentials);
        sync(credentials);
        control.injectMessage(accountId, Map.of("kind", "friendRequest", "nickName", "求加好友"));
        JsonNode info = sync(credentials).get("AddMsgList").get(0).get("RecommendInfo");

        JsonNode answer = client.postJson(CGI + "webwxverifyuser?r=1", Json.object()
                .<ObjectNode>set("BaseRequest", credentials.baseRequest())
                .put("Opcode", 3).put("VerifyUserListSize", 1)
                .<ObjectNode>set("VerifyUserList", Json.array().add(Json.object().put("Value", info.get("UserName").asString())
                        .put("VerifyUserTicket", "")))
                .put("VerifyContent", info.get("Ticket").asString()));
        JsonNode next = sync(credentials);

        assertThat(answer.get("BaseResponse").get("Ret").asInt()).isZero();
        assertThat(next.get("ModContactList").get(0).get("UserName").asString()).isEqualTo(info.get("UserName").asString());
        assertThat(next.get("AddMsgList").get(0).get("MsgType").asInt()).isEqualTo(10000);
        assertThat(control.account(accountId).get("friends")).extracting(f -> f.get("nickName").asString()).contains("求加好友");
    }

    @Test
    void changesWhileLoggedOutShowInTheNextLoginsContactList() {
        control.addFriend(accountId, Map.of("nickName", "离线时加的"));
        control.modifyFriend(accountId, "张伟", Map.of("remarkName", "伟哥"));

        JsonNode account = control.account(accountId);

        assertThat(account.get("friends")).extracting(f -> f.get("nickName").asString()).containsExactly("张伟", "老王", "离线时加的");
        assertThat(account.get("friends").get(0).get("remarkName").asString()).isEqualTo("伟哥");
    }

    @Test
    void removingTheAccountItselfFromAGroupIsRefused() {
        assertThatThrownBy(() -> control.changeGroup(accountId, 0, Map.of("remove", List.of(0))))
                .hasMessageContaining("400");
    }

    @Test
    void blockedAccountGetsRet1203WithTheMessage() {
        control.blockLogin(accountId, "为了你的帐号安全，此微信号不能登录网页微信。");
        String uuid = client.newUuid();
        control.scanAndConfirm(uuid, accountId);
        String poll = client.get(CGI + "login?loginicon=true&uuid=" + uuid + "&tip=0").body();
        String redirect = RawClient.group(java.util.regex.Pattern.compile("redirect_uri=\"(\\S+)\";"), poll);

        String xml = client.get(redirect.substring(redirect.indexOf(CGI)) + "&fun=new&version=v2").body();

        assertThat(xml).isEqualTo("<error><ret>1203</ret><message>为了你的帐号安全，此微信号不能登录网页微信。</message></error>");
    }

    @Test
    void truncatedAnswersAreCutInHalfAndDelaysHold() {
        Credentials credentials = client.login(accountId);
        String full = client.post(CGI + "webwxinit", Json.object().set("BaseRequest", credentials.baseRequest()).toString()).body();
        control.fault("webwxinit", 300, false, true, 1);

        long start = System.nanoTime();
        String cut = client.post(CGI + "webwxinit", Json.object().set("BaseRequest", credentials.baseRequest()).toString()).body();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(cut.length()).isLessThan(full.length());
        assertThat(full).startsWith(cut.substring(0, 20));
    }

    @Test
    void droppedCallsGetNoAnswerAndTheControlApiStaysUntouched() {
        control.fault(null, 0, true, false, 100);

        assertThatThrownBy(() -> client.get("/jslogin?appid=x&fun=new")).isInstanceOf(UncheckedIOException.class);
        assertThat(control.account(accountId).get("accountId").asString()).isEqualTo(accountId);
        control.clearFaults();
        assertThat(client.get("/jslogin?appid=x&fun=new").statusCode()).isEqualTo(200);
    }

    private JsonNode sync(Credentials credentials, JsonNode syncKey) {
        return client.postJson(CGI + "webwxsync?sid=" + credentials.sid(), Json.object()
                .<ObjectNode>set("BaseRequest", credentials.baseRequest()).set("SyncKey", syncKey));
    }

    private String syncCheck(Credentials credentials, JsonNode syncKey) {
        var pairs = new java.util.ArrayList<String>();
        syncKey.get("List").forEach(entry -> pairs.add(entry.get("Key").asInt() + "_" + entry.get("Val").asInt()));
        return client.get(CGI + "synccheck?sid=" + credentials.sid() + "&uin=" + credentials.uin() + "&synckey="
                + String.join("%7C", pairs)).body();
    }

    private static long key(JsonNode syncKey, int key) {
        for (JsonNode entry : syncKey.get("List")) {
            if (entry.get("Key").asInt() == key) {
                return entry.get("Val").asLong();
            }
        }
        throw new AssertionError("no Key " + key + " in " + syncKey);
    }

    private JsonNode sync(Credentials credentials) {
        return client.postJson(CGI + "webwxsync?sid=" + credentials.sid(), Json.object().set("BaseRequest", credentials.baseRequest()));
    }
}
