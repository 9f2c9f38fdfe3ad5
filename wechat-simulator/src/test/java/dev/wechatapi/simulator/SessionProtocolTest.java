package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.RawClient.Credentials;
import dev.wechatapi.simulator.internal.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SessionProtocolTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withSyncCheckHold(Duration.ofMillis(300))
            .withContactPageSize(4));

    private final RawClient client = new RawClient(simulator.simulator());
    private String accountId;
    private Credentials credentials;

    @BeforeEach
    void logIn() {
        accountId = simulator.control().createAccount(Map.of(
                        "nickName", "会话测试",
                        "friends", List.of(Map.of("nickName", "张伟"), Map.of("nickName", "🌸花开富贵", "remarkName", "表姐"),
                                Map.of("nickName", "Tom & Jerry")),
                        "groups", List.of(Map.of("nickName", "吃货联盟🍜", "members", List.of("张伟", Map.of("nickName", "路人甲")))),
                        "mps", 2))
                .get("accountId").asString();
        credentials = client.login(accountId);
    }

    @Test
    void initCarriesUserSyncKeyAndTheFieldsClientsDereference() {
        JsonNode init = client.init(credentials);

        assertThat(init.get("BaseResponse").get("Ret").isInt()).isTrue();
        assertThat(init.get("BaseResponse").get("Ret").asInt()).isZero();
        assertThat(init.get("User").get("Uin").asLong()).isEqualTo(credentials.uin());
        assertThat(init.get("User").get("UserName").asString()).matches("@[0-9a-f]{32}");
        assertThat(init.get("User").get("NickName").asString()).isEqualTo("会话测试");
        assertThat(init.get("SyncKey").get("Count").asInt()).isEqualTo(init.get("SyncKey").get("List").size());
        assertThat(init.get("ContactList").size()).isEqualTo(init.get("Count").asInt());
        assertThat(init.get("ChatSet").asString()).endsWith(",");
        assertThat(init.get("InviteStartCount").isInt()).isTrue();
        assertThat(init.get("MPSubscribeMsgList").isArray()).isTrue();
        assertThat(init.get("SKey").asString()).isEqualTo(credentials.skey());
    }

    @Test
    void uinAsStringAndNoContentTypeAreAccepted() {
        ObjectNode base = credentials.baseRequest().put("Uin", Long.toString(credentials.uin()));
        base.remove("Sid");
        base.remove("Skey");

        JsonNode init = client.postJson("/cgi-bin/mmwebwx-bin/webwxinit", Json.object().set("BaseRequest", base));

        assertThat(init.get("BaseResponse").get("Ret").asInt()).isZero();
    }

    @Test
    void contactsComeInPagesUntilSeqIsZeroWithEmojiAsSpansAndEntitiesEscaped() {
        var members = new ArrayList<JsonNode>();
        long seq = 0;
        int pages = 0;
        do {
            JsonNode page = Json.MAPPER.readTree(client.get("/cgi-bin/mmwebwx-bin/webwxgetcontact?r=1&seq=" + seq
                    + "&skey=" + credentials.skey()).body());
            assertThat(page.get("MemberCount").asInt()).isEqualTo(page.get("MemberList").size());
            page.get("MemberList").forEach(members::add);
            seq = page.get("Seq").asLong();
            pages++;
        } while (seq != 0);

        assertThat(pages).isEqualTo(2);
        assertThat(members).extracting(m -> m.get("NickName").asString()).containsExactly(
                "张伟", "<span class=\"emoji emoji1f338\"></span>花开富贵", "Tom &amp; Jerry", members.get(3).get("NickName").asString(),
                members.get(4).get("NickName").asString(), "吃货联盟<span class=\"emoji emoji1f35c\"></span>");
        assertThat(members).extracting(m -> m.get("UserName").asString()).doesNotHaveDuplicates()
                .allMatch(name -> name.matches("@[0-9a-f]{32}|@@[0-9a-f]{64}"));
        JsonNode group = members.get(5);
        assertThat(group.get("MemberCount").asInt()).isZero();
        assertThat(group.get("MemberList").isArray()).isTrue();
        assertThat(members.get(3).get("VerifyFlag").asInt() & 8).isEqualTo(8);
    }

    @Test
    void batchGetContactAnswersInRequestOrderWithGroupMembers() {
        JsonNode account = simulator.control().account(accountId);
        String groupUserName = account.get("groups").get(0).get("userName").asString();
        String friendUserName = account.get("friends").get(1).get("userName").asString();
        var request = Json.object().set("BaseRequest", credentials.baseRequest());
        request.put("Count", 3);
        request.putArray("List")
                .add(Json.object().put("UserName", groupUserName).put("EncryChatRoomId", ""))
                .add(Json.object().put("UserName", "@deadbeef").put("ChatRoomId", ""))
                .add(Json.object().put("UserName", friendUserName).put("EncryChatRoomId", ""));

        JsonNode answer = client.postJson("/cgi-bin/mmwebwx-bin/webwxbatchgetcontact?type=ex&r=1", request);

        JsonNode list = answer.get("ContactList");
        assertThat(answer.get("Count").asInt()).isEqualTo(3);
        assertThat(list.get(0).get("UserName").asString()).isEqualTo(groupUserName);
        assertThat(list.get(0).get("MemberCount").asInt()).isEqualTo(3);
        assertThat(list.get(0).get("MemberList")).extracting(m -> m.get("NickName").asString())
                .containsExactly("会话测试", "张伟", "路人甲");
        assertThat(list.get(0).get("EncryChatRoomId").asString()).startsWith("@");
        assertThat(list.get(0).get("ChatRoomOwner").asString()).startsWith("@");
        assertThat(list.get(1).get("UserName").asString()).isEqualTo("@deadbeef");
        assertThat(list.get(1).get("MemberList").isArray()).isTrue();
        assertThat(list.get(2).get("RemarkName").asString()).isEqualTo("表姐");
    }

    @Test
    void syncCheckAnswersSelector2AtOnceWhenMessagesWaitAndTheSyncDeliversThemWithEveryField() {
        JsonNode init = client.init(credentials);
        simulator.control().sendText(accountId, "张伟", "你好 <b>\n第二行 😀");

        long start = System.nanoTime();
        String check = syncCheck(syncKeyParam(init.get("SyncKey")));
        JsonNode sync = sync(init.get("SyncKey"));

        assertThat(check).isEqualTo("window.synccheck={retcode:\"0\",selector:\"2\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
        assertThat(sync.get("AddMsgCount").asInt()).isEqualTo(sync.get("AddMsgList").size()).isEqualTo(1);
        assertThat(sync.get("SyncKey")).isEqualTo(sync.get("SyncCheckKey"));
        assertThat(sync.get("SKey").asString()).isEmpty();
        assertThat(sync.get("ContinueFlag").asInt()).isZero();
        for (String field : List.of("ModContactCount", "ModContactList", "DelContactCount", "DelContactList",
                "ModChatRoomMemberCount", "ModChatRoomMemberList", "Profile")) {
            assertThat(sync.has(field)).as(field).isTrue();
        }
        JsonNode message = sync.get("AddMsgList").get(0);
        assertThat(message.get("MsgId").isString()).isTrue();
        assertThat(message.get("NewMsgId").isIntegralNumber()).isTrue();
        assertThat(message.get("NewMsgId").asLong()).isEqualTo(Long.parseLong(message.get("MsgId").asString()))
                .isLessThan(1L << 53);
        assertThat(message.get("FileSize").isString()).isTrue();
        assertThat(message.get("MsgType").isInt()).isTrue();
        assertThat(message.get("Content").asString())
                .isEqualTo("你好 &lt;b&gt;<br/>第二行 <span class=\"emoji emoji1f600\"></span>");
        for (String field : List.of("Url", "RecommendInfo", "Status", "Ticket", "AppMsgType", "FileName", "MediaId",
                "StatusNotifyUserName", "StatusNotifyCode", "ImgStatus", "CreateTime", "VoiceLength", "PlayLength",
                "ForwardFlag", "AppInfo", "HasProductId", "ImgHeight", "ImgWidth", "SubMsgType", "OriContent",
                "EncryFileName")) {
            assertThat(message.has(field)).as(field).isTrue();
        }
    }

    @Test
    void syncCheckHoldsWithoutNewsAndAcceptsAJsonSyncKey() {
        JsonNode init = client.init(credentials);
        JsonNode synced = sync(init.get("SyncKey"));
        long start = System.nanoTime();

        String pipe = syncCheck(syncKeyParam(synced.get("SyncCheckKey")));
        String json = syncCheck(URLEncoder.encode(synced.get("SyncCheckKey").toString(), StandardCharsets.UTF_8));
        String garbage = syncCheck("nonsense");

        assertThat(List.of(pipe, json, garbage)).containsOnly("window.synccheck={retcode:\"0\",selector:\"0\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    @Test
    void statusNotifyAfterInitQueuesTheRecentChatsMessage() {
        JsonNode init = client.init(credentials);
        String self = init.get("User").get("UserName").asString();
        var notify = Json.object().set("BaseRequest", credentials.baseRequest());
        notify.put("Code", 3).put("FromUserName", self).put("ToUserName", self).put("ClientMsgId", 1);

        JsonNode answer = client.postJson("/cgi-bin/mmwebwx-bin/webwxstatusnotify?lang=zh_CN", notify);
        JsonNode message = sync(init.get("SyncKey")).get("AddMsgList").get(0);

        assertThat(answer.get("MsgID").asString()).matches("\\d+");
        assertThat(message.get("MsgType").asInt()).isEqualTo(51);
        assertThat(message.get("StatusNotifyCode").asInt()).isEqualTo(4);
        String ids = RawClient.group(Pattern.compile("&lt;username&gt;(.+?)&lt;/username&gt;"), message.get("Content").asString());
        assertThat(message.get("StatusNotifyUserName").asString().split(",")).hasSize(ids.split(",").length);
    }

    @Test
    void sentTextIsAcknowledgedAndRecordedByNickName() {
        String friend = simulator.control().account(accountId).get("friends").get(1).get("userName").asString();
        var send = Json.object().set("BaseRequest", credentials.baseRequest());
        send.putObject("Msg").put("Type", 1).put("Content", "收到👍 谢谢").put("FromUserName", "x")
                .put("ToUserName", friend).put("LocalID", "17000000000000123").put("ClientMsgId", 17000000000000123L);

        JsonNode answer = client.postJson("/cgi-bin/mmwebwx-bin/webwxsendmsg?lang=zh_CN&pass_ticket=" + credentials.passTicket(), send);
        JsonNode sent = simulator.control().sent(accountId);

        assertThat(answer.get("BaseResponse").get("Ret").asInt()).isZero();
        assertThat(answer.get("MsgID").asString()).matches("\\d+");
        assertThat(answer.get("LocalID").asString()).isEqualTo("17000000000000123");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("toNickName").asString()).isEqualTo("🌸花开富贵");
        assertThat(sent.get(0).get("content").asString()).isEqualTo("收到👍 谢谢");
        assertThat(sent.get(0).get("msgId").asString()).isEqualTo(answer.get("MsgID").asString());
    }

    @Test
    void logoutMakesSyncCheckAnswer1101AndSyncRet1101() {
        JsonNode init = client.init(credentials);
        client.post("/cgi-bin/mmwebwx-bin/webwxlogout?redirect=1&type=1&skey=" + credentials.skey(), "");

        assertThat(syncCheck(syncKeyParam(init.get("SyncKey")))).isEqualTo("window.synccheck={retcode:\"1101\",selector:\"0\"}");
        JsonNode sync = sync(init.get("SyncKey"));
        assertThat(sync.get("BaseResponse").get("Ret").asInt()).isEqualTo(1101);
        assertThat(sync.get("SyncKey").get("List").isArray()).isTrue();
        assertThat(sync.get("AddMsgList").isArray()).isTrue();
    }

    @Test
    void aSecondLoginHandsOutFreshUserNamesAndEndsTheFirstSession() {
        JsonNode first = simulator.control().account(accountId);
        Credentials old = credentials;

        Credentials fresh = client.login(accountId);
        JsonNode second = simulator.control().account(accountId);

        assertThat(fresh.sid()).isNotEqualTo(old.sid());
        assertThat(second.get("friends")).extracting(f -> f.get("nickName").asString())
                .isEqualTo(StreamSupport.stream(first.get("friends").spliterator(), false).map(f -> f.get("nickName").asString()).toList());
        for (int i = 0; i < 3; i++) {
            assertThat(second.get("friends").get(i).get("userName")).isNotEqualTo(first.get("friends").get(i).get("userName"));
        }
        assertThat(client.init(old).get("BaseResponse").get("Ret").asInt()).isEqualTo(1101);
    }

    private String syncCheck(String synckey) {
        return client.get("/cgi-bin/mmwebwx-bin/synccheck?r=1&skey=" + credentials.skey() + "&sid=" + credentials.sid()
                + "&uin=" + credentials.uin() + "&deviceid=e1&synckey=" + synckey + "&_=1").body();
    }

    private JsonNode sync(JsonNode syncKey) {
        var body = Json.object().set("BaseRequest", credentials.baseRequest());
        body.set("SyncKey", syncKey);
        body.put("rr", -12345);
        return client.postJson("/cgi-bin/mmwebwx-bin/webwxsync?sid=" + credentials.sid() + "&skey=" + credentials.skey(), body);
    }

    private static String syncKeyParam(JsonNode syncKey) {
        var pairs = new ArrayList<String>();
        syncKey.get("List").forEach(entry -> pairs.add(entry.get("Key").asInt() + "_" + entry.get("Val").asInt()));
        return String.join("%7C", pairs);
    }
}
