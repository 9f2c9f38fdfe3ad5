package dev.wechatapi.events;

/** The sender or receiver of a message, resolved against the account's contacts at the time of the message. */
public record Party(String puid, ContactKind kind, String name) {}
