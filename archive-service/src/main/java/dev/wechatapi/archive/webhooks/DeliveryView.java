package dev.wechatapi.archive.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wechatapi.archive.web.LocalTimes;
import org.jspecify.annotations.Nullable;

/**
 * A delivery as {@code /webhook/deliveries} shows it. {@code message_id} is the id of the message ({@code id} in
 * {@code /messages}), {@code message_id_str} the same as a string; {@code next_attempt} is when a retrying delivery
 * is due (while an attempt is in flight, the end of its lease); {@code delivered} is when the receiver took it.
 */
record DeliveryView(
        long id,
        @JsonProperty("message_id") long messageId,
        @JsonProperty("message_id_str") String messageIdStr,
        @JsonProperty("event_type") String eventType,
        String status,
        int attempts,
        @JsonProperty("last_status_code") @Nullable Integer lastStatusCode,
        @JsonProperty("last_error") @Nullable String lastError,
        @Nullable String created,
        @JsonProperty("next_attempt") @Nullable String nextAttempt,
        @Nullable String delivered) {

    static DeliveryView of(Delivery delivery, LocalTimes times) {
        return new DeliveryView(
                delivery.id(),
                delivery.msgId(),
                Long.toString(delivery.msgId()),
                delivery.eventType(),
                delivery.status().value(),
                delivery.attempts(),
                delivery.lastStatusCode(),
                delivery.lastError(),
                times.render(delivery.created()),
                times.render(delivery.nextAttemptAt()),
                times.render(delivery.deliveredAt()));
    }
}
