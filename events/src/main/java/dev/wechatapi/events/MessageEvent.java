package dev.wechatapi.events;

import java.time.Instant;

/**
 * A message the account received or sent. {@code msgId} is WeChat's id of the message; together with
 * {@code appId} it identifies the message, so a consumer that sees it twice (a replay) stores it once.
 *
 * @param member puid of the group member who wrote a received group message, else null
 * @param memberName display name of that member, else null
 * @param isAt whether a received group message mentions the account
 */
public record MessageEvent(
        String appId,
        long msgId,
        Direction direction,
        MessageType type,
        int rawMsgType,
        Party sender,
        Party receiver,
        String member,
        String memberName,
        boolean isAt,
        MessageContent content,
        Instant createTime,
        Instant receiveTime) {}
