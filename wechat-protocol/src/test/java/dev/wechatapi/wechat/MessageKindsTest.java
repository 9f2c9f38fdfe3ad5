package dev.wechatapi.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.simulator.WeChatSimulatorExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Every message type of §8.4, injected through the simulator's control API and parsed by the driver. */
class MessageKindsTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300)));

    private final WeChatDriver driver = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl())));
    private final SimulatorControl control = simulator.control();
    private String accountId;
    private WeChatSession session;

    @BeforeEach
    void logIn() throws WeChatException {
        accountId = control.createAccount(Map.of(
                        "nickName", "小明😀",
                        "friends", List.of(Map.of("nickName", "张伟", "alias", "zhangwei_88", "sex", 1, "province", "广东",
                                        "city", "深圳", "signature", "岁月静好 & 🌈"),
                                "🌸花开富贵"),
                        "groups", List.of(Map.of("nickName", "吃货联盟🍜", "members", List.of("张伟", "🌸花开富贵")))))
                .get("accountId").asString();
        session = Phones.logIn(driver, control, accountId);
        session.contacts();
    }

    @Test
    void imageArrivesWithItsSizeAndLength() throws Exception {
        WeChatMessage image = receive(Map.of("from", "张伟", "kind", "image", "width", 800, "height", 600));

        assertThat(image.kind()).isEqualTo(MsgKind.IMAGE);
        assertThat(image.msgType()).isEqualTo(3);
        assertThat(image.imgWidth()).isEqualTo(800);
        assertThat(image.detail()).isInstanceOfSatisfying(MessageDetail.Image.class, detail -> {
            assertThat(detail.width()).isEqualTo(800);
            assertThat(detail.height()).isEqualTo(600);
            assertThat(detail.length()).isPositive();
            assertThat(detail.md5()).hasSize(32);
        });
    }

    @Test
    void voiceArrivesWithItsLength() throws Exception {
        WeChatMessage voice = receive(Map.of("from", "张伟", "kind", "voice", "lengthMs", 4200));

        assertThat(voice.kind()).isEqualTo(MsgKind.VOICE);
        assertThat(voice.voiceLengthMs()).isEqualTo(4200);
        assertThat(voice.detail()).isInstanceOfSatisfying(MessageDetail.Voice.class, detail -> {
            assertThat(detail.lengthMs()).isEqualTo(4200);
            assertThat(detail.length()).isPositive();
        });
    }

    @Test
    void videoArrivesWithItsPlayLength() throws Exception {
        WeChatMessage video = receive(Map.of("from", "张伟", "kind", "video", "playLength", 12));

        assertThat(video.kind()).isEqualTo(MsgKind.VIDEO);
        assertThat(video.playLengthSeconds()).isEqualTo(12);
        assertThat(video.detail()).isInstanceOfSatisfying(MessageDetail.Video.class, detail -> {
            assertThat(detail.playLengthSeconds()).isEqualTo(12);
            assertThat(detail.width()).isPositive();
            assertThat(detail.length()).isPositive();
        });
    }

    @Test
    void fileArrivesWithNameSizeAndMediaId() throws Exception {
        WeChatMessage file = receive(Map.of("from", "张伟", "kind", "file", "fileName", "季度报告 Q3 😀.pdf", "size", 5000));

        assertThat(file.kind()).isEqualTo(MsgKind.FILE);
        assertThat(file.appMsgType()).isEqualTo(6);
        assertThat(file.fileName()).isEqualTo("季度报告 Q3 😀.pdf");
        assertThat(file.fileSize()).isEqualTo(5000);
        assertThat(file.detail()).isInstanceOfSatisfying(MessageDetail.File.class, detail -> {
            assertThat(detail.fileName()).isEqualTo("季度报告 Q3 😀.pdf");
            assertThat(detail.fileSize()).isEqualTo(5000);
            assertThat(detail.mediaId()).startsWith("@crypt_").isEqualTo(file.mediaId());
            assertThat(detail.extension()).isEqualTo("pdf");
        });
    }

    @Test
    void linkArrivesWithTitleDescriptionAndUrl() throws Exception {
        WeChatMessage link = receive(Map.of("from", "张伟", "kind", "link", "title", "周末去哪儿 & 吃啥？🍜",
                "description", "<推荐>", "url", "https://mp.weixin.qq.com/s?a=1&b=2"));

        assertThat(link.kind()).isEqualTo(MsgKind.SHARING);
        assertThat(link.url()).isEqualTo("https://mp.weixin.qq.com/s?a=1&b=2");
        assertThat(link.detail()).isEqualTo(new MessageDetail.Link("周末去哪儿 & 吃啥？🍜", "<推荐>",
                "https://mp.weixin.qq.com/s?a=1&b=2", 5));
    }

    @Test
    void contactCardNamesThePersonShown() throws Exception {
        WeChatMessage card = receive(Map.of("from", "🌸花开富贵", "kind", "card", "card", "张伟"));

        assertThat(card.kind()).isEqualTo(MsgKind.CARD);
        assertThat(card.detail()).isInstanceOfSatisfying(MessageDetail.Card.class, detail -> {
            assertThat(detail).usingRecursiveComparison().ignoringFields("avatarUrl").isEqualTo(
                    new MessageDetail.Card(userNameOf("张伟"), "张伟", "zhangwei_88", 1, "广东", "深圳", "岁月静好 & 🌈", ""));
            assertThat(detail.avatarUrl()).startsWith("http://wx.qlogo.cn/mmhead/");
        });
    }

    @Test
    void locationCarriesCoordinatesLabelAndPoi() throws Exception {
        WeChatMessage location = receive(Map.of("from", "张伟", "kind", "location", "x", 22.543096, "y", 114.057865,
                "scale", 15, "label", "深圳市福田区 \"市民中心\"", "poiname", "市民中心🏛", "poiid", "qqmap_123"));

        assertThat(location.kind()).isEqualTo(MsgKind.LOCATION);
        assertThat(location.content()).isEqualTo("深圳市福田区 \"市民中心\"");
        assertThat(location.detail()).isInstanceOfSatisfying(MessageDetail.Location.class, detail -> {
            assertThat(detail.x()).isEqualTo(22.543096);
            assertThat(detail.y()).isEqualTo(114.057865);
            assertThat(detail.scale()).isEqualTo(15);
            assertThat(detail.label()).isEqualTo("深圳市福田区 \"市民中心\"");
            assertThat(detail.poiName()).isEqualTo("市民中心🏛");
            assertThat(detail.poiId()).isEqualTo("qqmap_123");
            assertThat(detail.mapType()).isZero();
            assertThat(detail.url()).contains("coord=22.543096,114.057865");
        });
    }

    @Test
    void emoticonArrivesWithItsMd5() throws Exception {
        WeChatMessage sticker = receive(Map.of("from", "张伟", "kind", "emoticon"));

        assertThat(sticker.kind()).isEqualTo(MsgKind.EMOTICON);
        assertThat(sticker.detail()).isInstanceOfSatisfying(MessageDetail.Emoticon.class, detail -> {
            assertThat(detail.md5()).hasSize(32);
            assertThat(detail.length()).isPositive();
        });
    }

    @Test
    void systemMessageIsPlainText() throws Exception {
        WeChatMessage system = receive(Map.of("group", "吃货联盟🍜", "kind", "system", "text", "\"张伟\"修改群名为“吃货联盟🍜”"));

        assertThat(system.kind()).isEqualTo(MsgKind.SYSTEM);
        assertThat(system.msgType()).isEqualTo(10000);
        assertThat(system.content()).isEqualTo("\"张伟\"修改群名为“吃货联盟🍜”");
        assertThat(system.groupMemberUserName()).isNull();
        assertThat(system.detail()).isEqualTo(MessageDetail.NONE);
    }

    @Test
    void recallNamesTheMessageTakenBack() throws Exception {
        String original = control.sendText(accountId, "张伟", "说错了");
        WeChatMessage recall = receive(Map.of("from", "张伟", "kind", "recall", "msgId", original));

        assertThat(recall.kind()).isEqualTo(MsgKind.RECALL);
        assertThat(recall.detail()).isEqualTo(new MessageDetail.Recall(original, "\"张伟\" 撤回了一条消息"));
    }

    @Test
    void friendRequestCarriesTheTicketToAcceptIt() throws Exception {
        WeChatMessage request = receive(Map.of("kind", "friendRequest", "nickName", "新朋友🐼", "greeting", "我是 <老同学> & 朋友",
                "sex", 2, "province", "四川", "city", "成都", "scene", 30));

        assertThat(request.kind()).isEqualTo(MsgKind.FRIEND_REQUEST);
        assertThat(request.fromUserName()).isEqualTo("fmessage");
        assertThat(request.detail()).isInstanceOfSatisfying(MessageDetail.FriendRequest.class, detail -> {
            assertThat(detail.nickName()).isEqualTo("新朋友🐼");
            assertThat(detail.greeting()).isEqualTo("我是 <老同学> & 朋友");
            assertThat(detail.ticket()).startsWith("v2_").endsWith("@stranger");
            assertThat(detail.userName()).startsWith("@");
            assertThat(detail.scene()).isEqualTo(30);
            assertThat(detail.sex()).isEqualTo(2);
            assertThat(detail.city()).isEqualTo("成都");
        });
    }

    @Test
    void groupMediaNamesItsSenderAndKeepsItsDetail() throws Exception {
        WeChatMessage image = receive(Map.of("group", "吃货联盟🍜", "member", "张伟", "kind", "image", "width", 320, "height", 240));
        WeChatMessage file = receive(Map.of("group", "吃货联盟🍜", "member", "🌸花开富贵", "kind", "file", "fileName", "菜单.txt",
                "text", "火锅 🍲"));

        assertThat(image.groupMemberUserName()).isEqualTo(userNameOf("张伟"));
        assertThat(image.detail()).isInstanceOfSatisfying(MessageDetail.Image.class, d -> assertThat(d.width()).isEqualTo(320));
        assertThat(file.groupMemberUserName()).isEqualTo(userNameOf("🌸花开富贵"));
        assertThat(file.detail()).isInstanceOfSatisfying(MessageDetail.File.class,
                d -> assertThat(d.fileSize()).isEqualTo("火锅 🍲".getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void groupTextMentioningTheAccountInAMediaGroupStillCounts() throws Exception {
        var body = new HashMap<String, Object>(Map.of("group", "吃货联盟🍜", "member", "张伟", "text", "看图👇", "mentionSelf", true));
        WeChatMessage text = receive(body);

        assertThat(text.mentionsSelf()).isTrue();
        assertThat(text.detail()).isEqualTo(MessageDetail.NONE);
    }

    private WeChatMessage receive(Map<String, ?> injection) throws WeChatException {
        String msgId = control.injectMessage(accountId, injection).get("msgId").asString();
        SyncBatch batch = Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.msgId().equals(msgId)));
        return batch.messages().stream().filter(m -> m.msgId().equals(msgId)).findFirst().orElseThrow();
    }

    private String userNameOf(String nickName) {
        for (JsonNode friend : control.account(accountId).get("friends")) {
            if (friend.get("nickName").asString().equals(nickName)) {
                return friend.get("userName").asString();
            }
        }
        throw new AssertionError("no friend " + nickName);
    }
}
