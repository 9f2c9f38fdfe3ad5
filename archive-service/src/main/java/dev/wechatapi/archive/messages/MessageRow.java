package dev.wechatapi.archive.messages;

import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageType;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** An archived message as read back; times are UTC, media are still media ids. */
record MessageRow(
        long msgId,
        MessageType type,
        @Nullable ContactKind senderKind,
        @Nullable String senderPuid,
        @Nullable ContactKind receiverKind,
        @Nullable String receiverPuid,
        @Nullable String memberPuid,
        boolean isAt,
        MessageContent content,
        LocalDateTime createTime,
        LocalDateTime receiveTime) {}
