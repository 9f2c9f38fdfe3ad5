package dev.wechatapi.archive.webhooks;

import java.time.LocalDateTime;

/** An app's webhook as stored; times are UTC. */
record Webhook(String appId, String url, String secret, LocalDateTime created, LocalDateTime updated) {}
