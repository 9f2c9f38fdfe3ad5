package dev.wechatapi.simulator.internal.session;

/**
 * Where a client stands in a session's two streams: how many messages ({@code Key 1} of its SyncKey) and how many
 * contact changes ({@code Key 2}) it has been given. A client that syncs again with an older key gets what follows
 * that key again, so nothing is lost when an answer is.
 */
record SyncPosition(int messages, int contacts) {}
