package dev.wechatapi.events;

import java.time.Instant;

/**
 * @param accountPuid puid of the logged-in account, null before the first login
 * @param reason a human-readable cause for LOGGED_OUT (e.g. "retcode 1101"), else null
 */
public record SessionStateChanged(
        String appId, SessionState state, String accountPuid, String accountName, String reason, Instant at) {}
