package dev.wechatapi.simulator.internal.accounts;

import java.time.Instant;

/**
 * A message the account sent through a web session, as the control API reports it.
 *
 * @param toKey contact or group key of the recipient, null when the user name was unknown
 * @param content exactly what the client put in {@code Msg.Content}
 */
public record SentRecord(
        String msgId,
        String localId,
        int msgType,
        String toUserName,
        String toKey,
        String toNickName,
        String toKind,
        String content,
        Instant time) {}
