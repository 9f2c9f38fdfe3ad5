package dev.wechatapi.session.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.session.contacts.ContactBook;
import dev.wechatapi.wechat.MsgKind;
import dev.wechatapi.wechat.WeChatContact;
import dev.wechatapi.wechat.WeChatMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:01:24Z");

    private final WeChatContact alice = contact("@alice", "Alice");
    private final WeChatContact group = new WeChatContact("@@group", "群聊 🎉", "", "", "", 0, "", "", "", 0, 0, "",
            List.of(new WeChatContact("@member", "Member", "", "群名片", "", 0, "", "", "", 0, 0, "", List.of())));
    private final ContactBook book = ContactBook.of(contact("@self", "我"), List.of(alice, group));

    private static WeChatContact contact(String userName, String nick) {
        return new WeChatContact(userName, nick, "", "", "", 0, "", "", "", userName.hashCode(), 0, "", List.of());
    }

    private static WeChatMessage message(MsgKind kind, String from, String to, String memberUserName, String content,
            String raw) {
        return new WeChatMessage("1234567890123456789", 99, kind, 1, 0, 0, from, to, memberUserName,
                memberUserName != null, content, "https://example.com/x", "a.pdf", 2048, "media", 0, 0, 0, 0,
                Instant.parse("2026-11-25T02:00:00Z"), raw);
    }

    @Test
    void aReceivedTextKeepsItsEmojiAndNamesTheSenderByPuid() {
        MessageEvent event = MessageEvents.from("app", book,
                message(MsgKind.TEXT, "@alice", "@self", null, "你好 👋🏽", "你好 👋🏽"), NOW).orElseThrow();

        assertThat(event.direction()).isEqualTo(Direction.RECEIVED);
        assertThat(event.type()).isEqualTo(MessageType.Text);
        assertThat(event.msgId()).isEqualTo(1234567890123456789L);
        assertThat(event.content().text()).isEqualTo("你好 👋🏽");
        assertThat(event.sender().puid()).isEqualTo(book.resolve("@alice").puid());
        assertThat(event.receiver().puid()).isEqualTo(book.self().puid());
        assertThat(event.member()).isNull();
        assertThat(event.receiveTime()).isEqualTo(NOW);
    }

    @Test
    void aGroupMessageNamesTheMemberAndWhetherItMentionsTheAccount() {
        MessageEvent event = MessageEvents.from("app", book,
                message(MsgKind.TEXT, "@@group", "@self", "@member", "@我 看这里", ""), NOW).orElseThrow();

        assertThat(event.sender().kind()).isEqualTo(ContactKind.GROUP);
        assertThat(event.member()).isEqualTo(book.resolve("@member").puid());
        assertThat(event.memberName()).isEqualTo("群名片");
        assertThat(event.isAt()).isTrue();
    }

    @Test
    void aMessageTheAccountWroteElsewhereIsSent() {
        MessageEvent event = MessageEvents.from("app", book,
                message(MsgKind.TEXT, "@self", "@alice", null, "from my phone", ""), NOW).orElseThrow();

        assertThat(event.direction()).isEqualTo(Direction.SENT);
        assertThat(event.receiver().puid()).isEqualTo(book.resolve("@alice").puid());
    }

    @Test
    void statusNotificationsAndUnknownKindsAreNoMessages() {
        assertThat(MessageEvents.from("app", book, message(MsgKind.STATUS_NOTIFY, "@self", "@alice", null, "", ""),
                NOW)).isEmpty();
        assertThat(MessageEvents.from("app", book, message(MsgKind.OTHER, "@alice", "@self", null, "", ""), NOW))
                .isEmpty();
    }

    @Test
    void everyKindMapsToTheContractsMessageType() {
        assertThat(MessageEvents.typeOf(MsgKind.LOCATION)).contains(MessageType.Map);
        assertThat(MessageEvents.typeOf(MsgKind.IMAGE)).contains(MessageType.Picture);
        assertThat(MessageEvents.typeOf(MsgKind.EMOTICON)).contains(MessageType.Picture);
        assertThat(MessageEvents.typeOf(MsgKind.VOICE)).contains(MessageType.Recording);
        assertThat(MessageEvents.typeOf(MsgKind.FRIEND_REQUEST)).contains(MessageType.Friends);
        assertThat(MessageEvents.typeOf(MsgKind.CARD)).contains(MessageType.Card);
        assertThat(MessageEvents.typeOf(MsgKind.VIDEO)).contains(MessageType.Video);
        assertThat(MessageEvents.typeOf(MsgKind.SHARING)).contains(MessageType.Sharing);
        assertThat(MessageEvents.typeOf(MsgKind.FILE)).contains(MessageType.Attachment);
        assertThat(MessageEvents.typeOf(MsgKind.SYSTEM)).contains(MessageType.System);
        assertThat(MessageEvents.typeOf(MsgKind.RECALL)).contains(MessageType.Note);
    }

    @Test
    void locationAndCardFieldsAreReadFromTheEscapedXml() {
        String location = "&lt;?xml version=\"1.0\"?&gt;&lt;msg&gt;&lt;location x=\"22.54\" y=\"114.05\" scale=\"16\" "
                + "label=\"深圳市 福田区\" maptype=\"0\" poiname=\"[位置]\" poiid=\"\" /&gt;&lt;/msg&gt;";
        MessageEvent map = MessageEvents.from("app", book,
                message(MsgKind.LOCATION, "@alice", "@self", null, "深圳市 福田区", location), NOW).orElseThrow();
        assertThat(map.content().x()).isEqualTo(22.54);
        assertThat(map.content().scale()).isEqualTo(16);
        assertThat(map.content().label()).isEqualTo("深圳市 福田区");
        assertThat(map.content().url()).isEqualTo("https://example.com/x");

        String card = "&lt;?xml version=\"1.0\"?&gt;&lt;msg username=\"wxid_x\" nickname=\"小明 🐱\" alias=\"xm\" "
                + "province=\"北京\" city=\"海淀\" sign=\"hi\" sex=\"1\" bigheadimgurl=\"http://a/b\" /&gt;";
        MessageEvent cardEvent = MessageEvents.from("app", book,
                message(MsgKind.CARD, "@alice", "@self", null, "", card), NOW).orElseThrow();
        assertThat(cardEvent.content().card().nickName()).isEqualTo("小明 🐱");
        assertThat(cardEvent.content().card().sex()).isEqualTo(1);
        assertThat(cardEvent.content().card().avatar()).isEqualTo("http://a/b");
    }

    @Test
    void attachmentsKeepTheirNameAndSize() {
        MessageEvent file = MessageEvents.from("app", book,
                message(MsgKind.FILE, "@alice", "@self", null, "a.pdf", ""), NOW).orElseThrow();

        assertThat(file.type()).isEqualTo(MessageType.Attachment);
        assertThat(file.content().fileName()).isEqualTo("a.pdf");
        assertThat(file.content().fileSize()).isEqualTo(2048);
    }
}
