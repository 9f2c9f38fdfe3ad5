package dev.wechatapi.archive;

import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import java.time.Instant;
import java.util.List;

/** Events as the session service would publish them, with only what a test cares about spelled out. */
public final class TestEvents {

    public static final String SELF = "self0001";

    private TestEvents() {}

    public static Contact friend(String puid, String nickName, String remarkName, int sex, String province, String city) {
        return new Contact(puid, ContactKind.FRIEND, "@" + puid, nickName, remarkName, null, "签名 " + puid, sex,
                province, city, "avatar-" + puid, List.of());
    }

    public static Contact group(String puid, String nickName, List<Contact> members) {
        return new Contact(puid, ContactKind.GROUP, "@@" + puid, nickName, null, null, null, 0, null, null, null,
                members);
    }

    public static Contact mp(String puid, String nickName) {
        return new Contact(puid, ContactKind.MP, "@" + puid, nickName, null, null, "official", 0, null, null, null,
                List.of());
    }

    public static Contact self() {
        return new Contact(SELF, ContactKind.FRIEND, "@self", "我自己", null, null, null, 1, "广东", "深圳", null,
                List.of());
    }

    /** A text received from a friend, created at {@code created} (UTC). */
    public static MessageEvent text(String appId, long msgId, String fromPuid, String text, Instant created) {
        return received(appId, msgId, MessageType.Text, 1, new Party(fromPuid, ContactKind.FRIEND, fromPuid),
                null, false, MessageContent.text(text), created);
    }

    public static MessageEvent received(String appId, long msgId, MessageType type, int rawType, Party sender,
            String member, boolean isAt, MessageContent content, Instant created) {
        return new MessageEvent(appId, msgId, Direction.RECEIVED, type, rawType, sender,
                new Party(SELF, ContactKind.FRIEND, "我自己"), member, member != null ? "member " + member : null, isAt,
                content, created, created.plusMillis(1_500));
    }
}
