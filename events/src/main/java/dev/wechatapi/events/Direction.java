package dev.wechatapi.events;

/** Whether the account received or sent a message. */
public enum Direction {
    RECEIVED,
    SENT
}
