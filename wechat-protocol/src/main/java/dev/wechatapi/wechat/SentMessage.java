package dev.wechatapi.wechat;

import java.time.Instant;

/**
 * A message WeChat accepted.
 *
 * @param msgId WeChat's id of the sent message (its {@code MsgID})
 */
public record SentMessage(long msgId, String localId, String toUserName, Instant sentAt) {}
