package dev.wechatapi.archive.webhooks;

import dev.wechatapi.events.Direction;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A row of the delivery log: one message event of an app, to be POSTed to its webhook. Times are UTC. */
record Delivery(
        long id,
        String appId,
        long msgId,
        Direction direction,
        String eventType,
        DeliveryStatus status,
        int attempts,
        @Nullable LocalDateTime nextAttemptAt,
        @Nullable Integer lastStatusCode,
        @Nullable String lastError,
        LocalDateTime created,
        @Nullable LocalDateTime deliveredAt) {}
