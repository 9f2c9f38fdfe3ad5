package dev.wechatapi.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.simulator.WeChatSimulatorExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class SessionTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300))
            .withContactPageSize(4));

    private final WeChatDriver driver = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl())));
    private final SimulatorControl control = simulator.control();
    private String accountId;
    private WeChatSession session;

    @BeforeEach
    void logIn() throws WeChatException {
        accountId = control.createAccount(Map.of(
                        "nickName", "小明😀",
                        "friends", List.of(
                                Map.of("nickName", "张伟", "alias", "zhangwei_88"),
                                Map.of("nickName", "🌸花开富贵", "remarkName", "表姐"),
                                Map.of("nickName", "Tom & Jerry", "sex", 1, "province", "广东", "city", "深圳"),
                                Map.of("nickName", "老王🍺")),
                        "groups", List.of(
                                Map.of("nickName", "吃货联盟🍜", "selfDisplayName", "明明",
                                        "members", List.of("张伟", "老王🍺", Map.of("nickName", "路人甲🐱")))),
                        "mps", List.of("腾讯新闻")))
                .get("accountId").asString();
        session = Phones.logIn(driver, control, accountId);
    }

    @Test
    void contactsSpanEveryPageAndGroupsComeWithTheirMembers() throws Exception {
        List<WeChatContact> contacts = session.contacts();

        assertThat(contacts).extracting(WeChatContact::nickName)
                .containsExactly("张伟", "🌸花开富贵", "Tom & Jerry", "老王🍺", "腾讯新闻", "吃货联盟🍜");
        Map<String, WeChatContact> byNick = contacts.stream().collect(Collectors.toMap(WeChatContact::nickName, Function.identity()));
        assertThat(byNick.get("🌸花开富贵").remarkName()).isEqualTo("表姐");
        assertThat(byNick.get("Tom & Jerry").city()).isEqualTo("深圳");
        assertThat(byNick.get("腾讯新闻").isOfficialAccount()).isTrue();
        WeChatContact group = byNick.get("吃货联盟🍜");
        assertThat(group.isGroup()).isTrue();
        assertThat(group.members()).extracting(WeChatContact::nickName).containsExactly("小明😀", "张伟", "老王🍺", "路人甲🐱");
        assertThat(group.members().getFirst().displayName()).isEqualTo("明明");
        assertThat(group.members().get(1).userName()).isEqualTo(byNick.get("张伟").userName());
    }

    @Test
    void friendTextArrivesDecoded() throws Exception {
        String msgId = control.sendText(accountId, "🌸花开富贵", "你好 <b>&amp;\n第二行 😀🇨🇳");

        WeChatMessage message = receive(msgId).get(msgId);

        assertThat(message.kind()).isEqualTo(MsgKind.TEXT);
        assertThat(message.msgType()).isEqualTo(1);
        assertThat(message.content()).isEqualTo("你好 <b>&amp;\n第二行 😀🇨🇳");
        assertThat(message.rawContent()).contains("<br/>", "&lt;b&gt;", "<span class=\"emoji emoji1f600\"></span>");
        assertThat(message.fromUserName()).isEqualTo(userNameOf("friends", 1));
        assertThat(message.toUserName()).isEqualTo(session.self().userName());
        assertThat(message.groupMemberUserName()).isNull();
        assertThat(message.mentionsSelf()).isFalse();
        assertThat(message.newMsgId()).isEqualTo(Long.parseLong(msgId));
        assertThat(message.createTime()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
    }

    @Test
    void groupTextNamesItsSenderAndNoticesTheMentionOfTheAccount() throws Exception {
        session.contacts();
        String mentioning = control.sendGroupText(accountId, "吃货联盟🍜", "路人甲🐱", "晚上吃火锅🍲？", true);
        String plain = control.sendGroupText(accountId, "吃货联盟🍜", "张伟", "好啊", false);

        Map<String, WeChatMessage> received = receive(mentioning, plain);
        WeChatMessage mention = received.get(mentioning);
        WeChatMessage other = received.get(plain);

        assertThat(mention.fromUserName()).isEqualTo(userNameOf("groups", 0));
        assertThat(mention.groupMemberUserName()).isEqualTo(memberUserName("路人甲🐱"));
        assertThat(mention.content()).isEqualTo("@明明\u2005晚上吃火锅🍲？");
        assertThat(mention.mentionsSelf()).isTrue();
        assertThat(other.groupMemberUserName()).isEqualTo(userNameOf("friends", 0));
        assertThat(other.content()).isEqualTo("好啊");
        assertThat(other.mentionsSelf()).isFalse();
    }

    @Test
    void messageFromAGroupNotYetFetchedBringsTheGroupAlong() throws Exception {
        control.injectMessage(accountId, Map.of("group", 0, "member", "老王🍺", "text", "@小明😀 在吗"));

        SyncBatch batch = Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.kind() == MsgKind.TEXT));

        assertThat(batch.changedContacts()).extracting(WeChatContact::nickName).contains("吃货联盟🍜");
        WeChatMessage message = batch.messages().stream().filter(m -> m.kind() == MsgKind.TEXT).findFirst().orElseThrow();
        assertThat(message.mentionsSelf()).isTrue();
    }

    @Test
    void firstSyncDeliversTheRecentChatsNotification() throws Exception {
        SyncBatch batch = Phones.syncUntil(session, seen -> !seen.messages().isEmpty());

        assertThat(batch.messages().getFirst().kind()).isEqualTo(MsgKind.STATUS_NOTIFY);
    }

    @Test
    void syncWithoutNewsIsEmpty() throws Exception {
        Phones.syncUntil(session, seen -> !seen.messages().isEmpty());

        assertThat(session.sync().isEmpty()).isTrue();
    }

    @Test
    void sentTextReachesTheSimulatorUnchanged() throws Exception {
        String friend = userNameOf("friends", 3);

        SentMessage sent = session.sendText(friend, "收到👍\n明天见 <3 & 再会");

        JsonNode recorded = control.sent(accountId).get(0);
        assertThat(recorded.get("toNickName").asString()).isEqualTo("老王🍺");
        assertThat(recorded.get("content").asString()).isEqualTo("收到👍\n明天见 <3 & 再会");
        assertThat(recorded.get("msgId").asString()).isEqualTo(Long.toString(sent.msgId()));
        assertThat(sent.localId()).matches("\\d{17}");
        assertThat(sent.toUserName()).isEqualTo(friend);
    }

    @Test
    void sendingTooOftenIsReportedAsRateLimited() {
        control.failNextSends(accountId, 1205, 1);

        assertThatThrownBy(() -> session.sendText(userNameOf("friends", 0), "hi"))
                .isInstanceOf(WeChatException.RateLimited.class);
    }

    @Test
    void phoneEndingTheSessionMakesTheNextSyncThrowLoggedOut() {
        control.logout(accountId);

        assertThatThrownBy(session::sync).isInstanceOfSatisfying(WeChatException.LoggedOut.class,
                loggedOut -> assertThat(loggedOut.code()).isEqualTo(1101));
    }

    @Test
    void loggingOutEndsTheSessionOnWeChatsSide() {
        session.logout();

        assertThat(control.account(accountId).get("online").asBoolean()).isFalse();
        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.LoggedOut.class);
        assertThatThrownBy(session::contacts).isInstanceOf(WeChatException.LoggedOut.class);
    }

    @Test
    void userNamesChangeAtEveryLoginWhileIdentityKeysStay() throws Exception {
        List<WeChatContact> first = session.contacts();

        WeChatSession second = Phones.logIn(driver, control, accountId);
        List<WeChatContact> again = second.contacts();

        assertThat(again).extracting(WeChatContact::userName).doesNotContainAnyElementsOf(
                first.stream().map(WeChatContact::userName).toList());
        assertThat(again).extracting(WeChatContact::identityKey)
                .containsExactlyElementsOf(first.stream().map(WeChatContact::identityKey).toList());
        assertThat(again.getFirst().identityKey()).isEqualTo("alias:zhangwei_88");
        assertThat(second.self().identityKey()).isEqualTo(session.self().identityKey());
        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.LoggedOut.class);
    }

    /** Syncs until every one of these messages arrived. */
    private Map<String, WeChatMessage> receive(String... msgIds) throws WeChatException {
        List<String> wanted = List.of(msgIds);
        SyncBatch batch = Phones.syncUntil(session, seen -> seen.messages().stream()
                .map(WeChatMessage::msgId).collect(Collectors.toSet()).containsAll(wanted));
        return batch.messages().stream()
                .filter(message -> wanted.contains(message.msgId()))
                .collect(Collectors.toMap(WeChatMessage::msgId, Function.identity()));
    }

    private String userNameOf(String list, int index) {
        return control.account(accountId).get(list).get(index).get("userName").asString();
    }

    private String memberUserName(String nickName) {
        for (JsonNode member : control.account(accountId).get("groups").get(0).get("members")) {
            if (member.get("nickName").asString().equals(nickName)) {
                return member.get("userName").asString();
            }
        }
        throw new AssertionError("no member " + nickName);
    }
}
