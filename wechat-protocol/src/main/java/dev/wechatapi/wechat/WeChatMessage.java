package dev.wechatapi.wechat;

import java.time.Instant;

/**
 * A received (or synced self-sent) message, parsed from WeChat's raw form. {@code content} is decoded text
 * (no {@code <br/>}, no HTML entities, emoji as characters) with the group sender prefix removed.
 *
 * @param groupMemberUserName who wrote a group message (from the {@code @member:<br/>} prefix), else null
 * @param mentionsSelf whether a group message @-mentions the logged-in account
 * @param url the link of sharing and location messages
 * @param rawContent the Content field exactly as WeChat sent it
 * @param detail what the message carries by kind (media metadata, card, location, recall, friend request)
 */
public record WeChatMessage(
        String msgId,
        long newMsgId,
        MsgKind kind,
        int msgType,
        int subMsgType,
        int appMsgType,
        String fromUserName,
        String toUserName,
        String groupMemberUserName,
        boolean mentionsSelf,
        String content,
        String url,
        String fileName,
        long fileSize,
        String mediaId,
        int imgWidth,
        int imgHeight,
        int voiceLengthMs,
        int playLengthSeconds,
        Instant createTime,
        String rawContent,
        MessageDetail detail) {

    public WeChatMessage {
        detail = detail == null ? MessageDetail.NONE : detail;
    }

    /** A message without a typed detail (the form before {@link MessageDetail} existed). */
    public WeChatMessage(
            String msgId,
            long newMsgId,
            MsgKind kind,
            int msgType,
            int subMsgType,
            int appMsgType,
            String fromUserName,
            String toUserName,
            String groupMemberUserName,
            boolean mentionsSelf,
            String content,
            String url,
            String fileName,
            long fileSize,
            String mediaId,
            int imgWidth,
            int imgHeight,
            int voiceLengthMs,
            int playLengthSeconds,
            Instant createTime,
            String rawContent) {
        this(msgId, newMsgId, kind, msgType, subMsgType, appMsgType, fromUserName, toUserName, groupMemberUserName,
                mentionsSelf, content, url, fileName, fileSize, mediaId, imgWidth, imgHeight, voiceLengthMs,
                playLengthSeconds, createTime, rawContent, MessageDetail.NONE);
    }
}
