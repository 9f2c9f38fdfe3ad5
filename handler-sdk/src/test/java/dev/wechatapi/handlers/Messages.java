package dev.wechatapi.handlers;

import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Message events as the session service publishes them, for the tests. */
final class Messages {

    static final Party ACCOUNT = new Party("self0000puid", ContactKind.FRIEND, "测试号🚀");
    static final Party FRIEND = new Party("friend00puid", ContactKind.FRIEND, "小明😀");
    static final Party GROUP = new Party("group000puid", ContactKind.GROUP, "家人群");
    private static final AtomicLong IDS = new AtomicLong(4_611_686_018_427_387_904L);

    private Messages() {}

    static MessageEvent text(String appId, String text) {
        return received(appId, MessageType.Text, MessageContent.text(text));
    }

    static MessageEvent received(String appId, MessageType type, MessageContent content) {
        return new MessageEvent(appId, IDS.incrementAndGet(), Direction.RECEIVED, type, 1, FRIEND, ACCOUNT, null, null,
                false, content, Instant.parse("2026-11-25T02:01:24Z"), Instant.parse("2026-11-25T02:01:25Z"));
    }

    static MessageEvent sent(String appId, String text) {
        return new MessageEvent(appId, IDS.incrementAndGet(), Direction.SENT, MessageType.Text, 1, ACCOUNT, FRIEND,
                null, null, false, MessageContent.text(text), Instant.parse("2026-11-25T02:01:24Z"),
                Instant.parse("2026-11-25T02:01:25Z"));
    }

    static MessageEvent groupText(String appId, String text, boolean isAt) {
        return new MessageEvent(appId, IDS.incrementAndGet(), Direction.RECEIVED, MessageType.Text, 1, GROUP, ACCOUNT,
                "member00puid", "李雷", isAt, MessageContent.text(text), Instant.parse("2026-11-25T02:01:24Z"),
                Instant.parse("2026-11-25T02:01:25Z"));
    }

    /** A message a member wrote in {@link #GROUP}, received by the account. */
    static MessageEvent group(String appId, MessageType type, int rawMsgType, MessageContent content, boolean isAt) {
        return new MessageEvent(appId, IDS.incrementAndGet(), Direction.RECEIVED, type, rawMsgType, GROUP, ACCOUNT,
                "member00puid", "李雷", isAt, content, Instant.parse("2026-11-25T02:01:24Z"),
                Instant.parse("2026-11-25T02:01:25Z"));
    }

    static MessageContent media(String mediaId) {
        return new MessageContent(null, null, null, null, null, null, null, null, null, mediaId, 480, 640, null, null,
                null, null, null);
    }
}
