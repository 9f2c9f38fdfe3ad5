package dev.wechatapi.simulator.internal.accounts;

import java.time.Instant;

/**
 * A message the account sent through a web session, as the control API reports it.
 *
 * @param kind text, image, video, file or emoticon (the endpoint it came through)
 * @param toKey contact or group key of the recipient, null when the user name was unknown
 * @param content exactly what the client put in {@code Msg.Content}
 * @param file the uploaded bytes the message refers to; null for text and store stickers
 */
public record SentRecord(
        String msgId,
        String localId,
        String kind,
        int msgType,
        String toUserName,
        String toKey,
        String toNickName,
        String toKind,
        String content,
        SentFile file,
        Instant time) {

    /** What an image, video, file or emoticon message carried. */
    public record SentFile(String mediaId, String fileName, long size, String sha256, String contentType) {}
}
