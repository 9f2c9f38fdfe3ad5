package dev.wechatapi.session.sync;

import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.session.contacts.ContactBook;
import dev.wechatapi.wechat.MessageDetail;
import dev.wechatapi.wechat.MsgKind;
import dev.wechatapi.wechat.WeChatMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a synced WeChat message into the contract's {@link MessageEvent}: sender and receiver resolved to puids,
 * the direction from who wrote it, the type-specific content fields. Media ids are added afterwards by
 * {@link MessageMedia}, once the media are in the store.
 */
public final class MessageEvents {

    private MessageEvents() {}

    /** The event of a message, or empty for kinds that are no message to anyone (status notifications, VOIP). */
    public static Optional<MessageEvent> from(String appId, ContactBook book, WeChatMessage m, Instant receivedAt) {
        return typeOf(m.kind()).map(type -> {
            boolean sent = m.fromUserName() != null && m.fromUserName().equals(book.self().userName());
            ContactBook.Entry member = !sent && m.groupMemberUserName() != null
                    ? book.resolve(m.groupMemberUserName()) : null;
            return new MessageEvent(
                    appId,
                    msgId(m),
                    sent ? Direction.SENT : Direction.RECEIVED,
                    type,
                    m.msgType(),
                    book.resolve(m.fromUserName()).party(),
                    book.resolve(m.toUserName()).party(),
                    member != null ? member.puid() : null,
                    member != null ? memberName(member) : null,
                    !sent && m.mentionsSelf(),
                    content(type, m),
                    m.createTime() != null ? m.createTime() : receivedAt,
                    receivedAt);
        });
    }

    static Optional<MessageType> typeOf(MsgKind kind) {
        return Optional.ofNullable(switch (kind) {
            case TEXT -> MessageType.Text;
            case LOCATION -> MessageType.Map;
            case IMAGE, EMOTICON -> MessageType.Picture;
            case VOICE -> MessageType.Recording;
            case FRIEND_REQUEST -> MessageType.Friends;
            case CARD -> MessageType.Card;
            case VIDEO -> MessageType.Video;
            case SHARING -> MessageType.Sharing;
            case FILE -> MessageType.Attachment;
            case SYSTEM -> MessageType.System;
            case RECALL -> MessageType.Note;
            case STATUS_NOTIFY, OTHER -> null;
        });
    }

    private static MessageContent content(MessageType type, WeChatMessage m) {
        String text = m.content();
        return switch (type) {
            case Map -> {
                if (m.detail() instanceof MessageDetail.Location location) {
                    // The client parsed the location from OriContent; Content only carries the address and a link.
                    yield new MessageContent(text, location.url() != null ? location.url() : m.url(), location.x(),
                            location.y(), location.scale(), location.label(), Integer.toString(location.mapType()),
                            location.poiName(), location.poiId(), null, null, null, null, null, null, null, null);
                }
                XmlAttributes location = XmlAttributes.of(m.rawContent());
                yield new MessageContent(text, m.url(), location.getDouble("x"), location.getDouble("y"),
                        location.getInt("scale"), location.get("label"), location.get("maptype"),
                        location.get("poiname"), location.get("poiid"), null, null, null, null, null, null, null,
                        null);
            }
            case Sharing -> new MessageContent(text, m.url(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
            case Picture -> new MessageContent(null, null, null, null, null, null, null, null, null, null,
                    positive(m.imgHeight()), positive(m.imgWidth()), null, null, null, null, null);
            case Recording -> new MessageContent(null, null, null, null, null, null, null, null, null, null, null,
                    null, m.voiceLengthMs(), null, null, null, null);
            case Attachment -> new MessageContent(null, null, null, null, null, null, null, null, null, null, null,
                    null, null, m.fileSize(), m.fileName(), null, null);
            case Video -> new MessageContent(null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, m.playLengthSeconds(), null);
            case Card -> new MessageContent(null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, card(m.rawContent()));
            case Text, Note, Friends, System -> MessageContent.text(text);
        };
    }

    private static MessageContent.Card card(String raw) {
        XmlAttributes card = XmlAttributes.of(raw);
        Integer sex = card.getInt("sex");
        String avatar = card.get("bigheadimgurl");
        return new MessageContent.Card(card.get("username"), card.get("nickname"), card.get("alias"),
                card.get("province"), card.get("city"), card.get("sign"), sex != null ? sex : 0,
                avatar != null && !avatar.isEmpty() ? avatar : card.get("smallheadimgurl"));
    }

    private static long msgId(WeChatMessage m) {
        try {
            return Long.parseLong(m.msgId());
        } catch (NumberFormatException | NullPointerException e) {
            // MsgId is a decimal string in every capture; NewMsgId is the same number where it is not.
            return m.newMsgId();
        }
    }

    // In a group, the name the member chose for that group is what readers of the group see.
    private static String memberName(ContactBook.Entry member) {
        String display = member.contact().displayName();
        return display != null && !display.isEmpty() ? display : member.name();
    }

    private static Integer positive(int value) {
        return value > 0 ? value : null;
    }
}
