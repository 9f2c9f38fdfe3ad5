package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import org.junit.jupiter.api.Test;

class MessagesTest extends SessionServiceTest {

    @Test
    void aFriendsTextWithEmojiArrivesAsAReceivedEventFromTheFriendsPuid() {
        LoggedIn app = login();

        String msgId = control.sendText(app.accountId(), "张伟 🐼", "周六去爬山吗？⛰️😀");

        MessageEvent received = events.await(app.appId(), EventTypes.MESSAGE_RECEIVED, MessageEvent.class,
                m -> m.msgId() == Long.parseLong(msgId));
        assertThat(received.direction()).isEqualTo(Direction.RECEIVED);
        assertThat(received.type()).isEqualTo(MessageType.Text);
        assertThat(received.content().text()).isEqualTo("周六去爬山吗？⛰️😀");
        assertThat(received.sender().puid()).isEqualTo(app.puidOf("张伟 🐼"));
        assertThat(received.sender().kind()).isEqualTo(ContactKind.FRIEND);
        assertThat(received.receiver().puid()).isEqualTo(app.contacts().self().puid());
        assertThat(received.member()).isNull();
        assertThat(get(app.appId(), "/status").get("last_sync")).isNotNull();
    }

    @Test
    void aGroupMessageMentioningTheAccountNamesTheGroupAndTheMember() {
        LoggedIn app = login();

        String msgId = control.sendGroupText(app.accountId(), "周末爬山群 ⛰️", "李娜", "@测试号 😀 带水了吗", true);

        MessageEvent received = events.await(app.appId(), EventTypes.MESSAGE_RECEIVED, MessageEvent.class,
                m -> m.msgId() == Long.parseLong(msgId));
        assertThat(received.sender().puid()).isEqualTo(app.groupPuid());
        assertThat(received.sender().kind()).isEqualTo(ContactKind.GROUP);
        assertThat(received.member()).isEqualTo(app.puidOf("李娜"));
        assertThat(received.isAt()).isTrue();
    }

    @Test
    void messagesOfOneAppNeverShowUpUnderAnother() {
        LoggedIn first = login();
        LoggedIn second = login();

        String msgId = control.sendText(first.accountId(), "王芳", "只给第一个号");

        events.await(first.appId(), EventTypes.MESSAGE_RECEIVED, MessageEvent.class,
                m -> m.msgId() == Long.parseLong(msgId));
        assertThat(events.all(second.appId())).noneMatch(e -> e.getType().equals(EventTypes.MESSAGE_RECEIVED));
    }
}
