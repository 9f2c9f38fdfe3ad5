package dev.wechatapi.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.MessageType;
import java.net.URI;
import org.junit.jupiter.api.Test;

class IncomingMessageTest {

    private final RecordingTextSender replies = new RecordingTextSender();

    @Test
    void aReplyToAPrivateMessageGoesToItsSender() {
        IncomingMessage message = IncomingMessage.of(Messages.text("app1", "你好 👋"), replies);

        long id = message.reply("echo: 你好 👋");

        assertThat(replies.sent).containsExactly(new RecordingTextSender.Sent(Messages.FRIEND.puid(), "echo: 你好 👋"));
        assertThat(id).isEqualTo(1001);
        assertThat(message.isGroupMessage()).isFalse();
    }

    @Test
    void aReplyToAGroupMessageGoesToTheGroupNotTheMember() {
        IncomingMessage message = IncomingMessage.of(Messages.groupText("app1", "@测试号 在吗", true), replies);

        message.reply("在");

        assertThat(replies.sent).containsExactly(new RecordingTextSender.Sent(Messages.GROUP.puid(), "在"));
        assertThat(message.isGroupMessage()).isTrue();
        assertThat(message.isAt()).isTrue();
        assertThat(message.member()).isEqualTo("member00puid");
        assertThat(message.memberName()).isEqualTo("李雷");
        assertThat(message.senderKind()).isEqualTo(ContactKind.GROUP);
    }

    @Test
    void aReplyToASentMessageGoesToItsReceiver() {
        IncomingMessage message = IncomingMessage.of(Messages.sent("app1", "hi"), replies);

        message.reply("again");

        assertThat(message.isSent()).isTrue();
        assertThat(replies.sent).containsExactly(new RecordingTextSender.Sent(Messages.FRIEND.puid(), "again"));
    }

    @Test
    void theUniqueIdIsTheIdOfTheMessagesCloudEvent() {
        var event = Messages.text("0123456789abcdef0123456789abcdef", "hi");
        IncomingMessage message = IncomingMessage.of(event, replies);

        assertThat(message.uniqueId()).isEqualTo(dev.wechatapi.events.WeChatEvents.messageEvent(event).getId());
        assertThat(message.id()).isEqualTo(event.msgId());
    }

    @Test
    void mediaAreLinkedUnderTheGatewaysMediaPath() {
        var event = Messages.received("app1", MessageType.Picture, Messages.media("2f/ab c"));

        IncomingMessage message = new IncomingMessage(event, replies, URI.create("http://gw.example:8080/"));

        assertThat(message.mediaId()).isEqualTo("2f/ab c");
        assertThat(message.mediaUrl()).contains(URI.create("http://gw.example:8080/media/2f%2Fab%20c"));
        assertThat(message.content().imgWidth()).isEqualTo(640);
        assertThat(IncomingMessage.of(event, replies).mediaUrl()).isEmpty();
        assertThat(IncomingMessage.of(Messages.text("app1", "no media"), replies).mediaUrl()).isEmpty();
    }
}
