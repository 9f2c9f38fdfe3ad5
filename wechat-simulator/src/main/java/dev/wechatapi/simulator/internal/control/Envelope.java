package dev.wechatapi.simulator.internal.control;

/**
 * Where an injected message goes and who wrote it, before its kind decides the content.
 *
 * @param prefix {@code @<member user name>:<br/>} for a member's group message, else empty
 * @param mention the wire text of an @-mention of the account to start a text with, else empty
 * @param senderWxid the writer's internal id (for the XML payloads that name it)
 * @param chatId the conversation's internal id: the peer's wxid or the group's chatroom id
 */
record Envelope(String from, String to, String prefix, String mention, String senderWxid, String senderNickName, String chatId) {}
