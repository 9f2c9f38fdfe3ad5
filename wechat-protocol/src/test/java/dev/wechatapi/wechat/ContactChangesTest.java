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

/** Contacts changed on the phone reach the driver through webwxsync's ModContactList and DelContactList. */
class ContactChangesTest {

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
        accountId = control.createAccount(Map.of("nickName", "小明😀", "friends", List.of("张伟", "老王🍺"),
                        "groups", List.of(Map.of("nickName", "吃货联盟🍜", "members", List.of("张伟")))))
                .get("accountId").asString();
        session = Phones.logIn(driver, control, accountId);
        Phones.syncUntil(session, seen -> !seen.messages().isEmpty());
    }

    @AfterEach
    void clearFaults() {
        control.clearFaults();
    }

    @Test
    void addedFriendArrivesAsAChangedContact() throws Exception {
        String userName = control.addFriend(accountId, Map.of("nickName", "新朋友🐼", "remarkName", "熊猫", "sex", 2,
                "province", "四川", "city", "成都")).get("userName").asString();

        SyncBatch batch = Phones.syncUntil(session, seen -> !seen.changedContacts().isEmpty());

        WeChatContact added = batch.changedContacts().getFirst();
        assertThat(added.userName()).isEqualTo(userName);
        assertThat(added.nickName()).isEqualTo("新朋友🐼");
        assertThat(added.remarkName()).isEqualTo("熊猫");
        assertThat(added.city()).isEqualTo("成都");
        assertThat(session.contacts()).extracting(WeChatContact::nickName).contains("新朋友🐼");
    }

    @Test
    void modifiedFriendArrivesWithTheNewProfile() throws Exception {
        control.modifyFriend(accountId, "老王🍺", Map.of("remarkName", "王哥", "signature", "新的一天☀️"));

        SyncBatch batch = Phones.syncUntil(session, seen -> !seen.changedContacts().isEmpty());

        WeChatContact changed = batch.changedContacts().getFirst();
        assertThat(changed.nickName()).isEqualTo("老王🍺");
        assertThat(changed.remarkName()).isEqualTo("王哥");
        assertThat(changed.signature()).isEqualTo("新的一天☀️");
    }

    @Test
    void deletedFriendArrivesAsADeletedUserName() throws Exception {
        String userName = control.account(accountId).get("friends").get(1).get("userName").asString();

        control.deleteFriend(accountId, "老王🍺");
        SyncBatch batch = Phones.syncUntil(session, seen -> !seen.deletedUserNames().isEmpty());

        assertThat(batch.deletedUserNames()).containsExactly(userName);
        assertThat(session.contacts()).extracting(WeChatContact::nickName).doesNotContain("老王🍺");
    }

    @Test
    void groupMembershipChangeArrivesAsTheGroupWithItsNewMembers() throws Exception {
        control.changeGroup(accountId, "吃货联盟🍜", Map.of("topic", "吃货联盟2🍜", "add", List.of("老王🍺", Map.of("nickName", "路人乙")),
                "remove", List.of("张伟")));

        SyncBatch batch = Phones.syncUntil(session, seen -> !seen.changedContacts().isEmpty());

        WeChatContact group = batch.changedContacts().getFirst();
        assertThat(group.isGroup()).isTrue();
        assertThat(group.nickName()).isEqualTo("吃货联盟2🍜");
        assertThat(group.members()).extracting(WeChatContact::nickName).containsExactly("小明😀", "老王🍺", "路人乙");
    }

    @Test
    void aChangeWhoseSyncAnswerWasLostArrivesWithTheNextSync() throws Exception {
        control.addFriend(accountId, Map.of("nickName", "新朋友🐼"));
        control.fault("webwxsync", 0, false, true, 1);

        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.ProtocolError.class);
        SyncBatch batch = Phones.syncUntil(session, seen -> !seen.changedContacts().isEmpty());

        assertThat(batch.changedContacts()).extracting(WeChatContact::nickName).containsExactly("新朋友🐼");
    }

    @Test
    void everyChangeArrivesExactlyOnce() throws Exception {
        control.addFriend(accountId, Map.of("nickName", "甲"));
        control.modifyFriend(accountId, "张伟", Map.of("remarkName", "伟哥"));
        control.deleteFriend(accountId, "老王🍺");

        SyncBatch batch = Phones.syncUntil(session, seen -> seen.changedContacts().size() >= 2 && !seen.deletedUserNames().isEmpty());
        control.addFriend(accountId, Map.of("nickName", "乙"));
        SyncBatch later = Phones.syncUntil(session, seen -> !seen.changedContacts().isEmpty());

        assertThat(batch.changedContacts()).extracting(WeChatContact::nickName).containsExactly("甲", "张伟");
        assertThat(batch.deletedUserNames()).hasSize(1);
        assertThat(later.changedContacts()).extracting(WeChatContact::nickName).containsExactly("乙");
        assertThat(later.deletedUserNames()).isEmpty();
    }

    @Test
    void acceptedFriendRequestMakesAFriendWithTheRequestsUserName() throws Exception {
        String msgId = control.injectMessage(accountId, Map.of("kind", "friendRequest", "nickName", "新朋友🐼", "greeting", "你好"))
                .get("msgId").asString();
        WeChatMessage request = Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.msgId().equals(msgId)))
                .messages().stream().filter(m -> m.msgId().equals(msgId)).findFirst().orElseThrow();
        var detail = (MessageDetail.FriendRequest) request.detail();

        WeChatContact friend = session.acceptFriendRequest(detail);
        SyncBatch batch = Phones.syncUntil(session, seen -> !seen.changedContacts().isEmpty()
                && seen.messages().stream().anyMatch(m -> m.kind() == MsgKind.SYSTEM));

        assertThat(friend.userName()).isEqualTo(detail.userName());
        assertThat(friend.nickName()).isEqualTo("新朋友🐼");
        assertThat(batch.changedContacts()).extracting(WeChatContact::userName).containsExactly(detail.userName());
        assertThat(batch.messages()).extracting(WeChatMessage::content).contains("你已添加了新朋友🐼，现在可以开始聊天了。");
        assertThat(session.contacts()).extracting(WeChatContact::nickName).contains("新朋友🐼");
    }

    @Test
    void acceptingWithAWrongTicketIsAProtocolError() throws Exception {
        String msgId = control.injectMessage(accountId, Map.of("kind", "friendRequest", "nickName", "骗子")).get("msgId").asString();
        WeChatMessage request = Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.msgId().equals(msgId)))
                .messages().stream().filter(m -> m.msgId().equals(msgId)).findFirst().orElseThrow();
        var detail = (MessageDetail.FriendRequest) request.detail();
        var forged = new MessageDetail.FriendRequest(detail.userName(), detail.nickName(), detail.greeting(), "v2_forged@stranger",
                detail.scene(), detail.sex(), detail.province(), detail.city());

        assertThatThrownBy(() -> session.acceptFriendRequest(forged)).isInstanceOf(WeChatException.ProtocolError.class);
        assertThat(session.acceptFriendRequest(detail).nickName()).isEqualTo("骗子");
    }

    @Test
    void aMemberAddedToAGroupCanWriteThereAtOnce() throws Exception {
        control.changeGroup(accountId, 0, Map.of("add", List.of("路人丙")));
        Phones.syncUntil(session, seen -> !seen.changedContacts().isEmpty());

        String msgId = control.sendGroupText(accountId, 0, "路人丙", "大家好👋", false);
        SyncBatch batch = Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.msgId().equals(msgId)));

        WeChatMessage hello = batch.messages().stream().filter(m -> m.msgId().equals(msgId)).findFirst().orElseThrow();
        assertThat(hello.content()).isEqualTo("大家好👋");
        assertThat(hello.groupMemberUserName()).startsWith("@");
    }
}
