package dev.wechatapi.archive.webhooks;

import dev.wechatapi.archive.messages.MessageView;
import dev.wechatapi.archive.messages.MessageViews;
import dev.wechatapi.archive.store.Utc;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt at a claimed delivery: the message rendered as {@code /messages} renders it (with the app's current
 * webhook URL and secret, so a changed URL takes effect for pending deliveries too), signed, POSTed, and the outcome
 * recorded: delivered, due again after the backoff, or parked after the last attempt.
 */
@Component
final class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final MessageViews messages;
    private final WebhookSender sender;
    private final JsonMapper json;
    private final WebhookProperties properties;
    private final Clock clock = Clock.systemUTC();

    DeliveryAttempts(WebhookStore webhooks, DeliveryStore deliveries, MessageViews messages, WebhookSender sender,
            JsonMapper json, WebhookProperties properties) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.messages = messages;
        this.sender = sender;
        this.json = json;
        this.properties = properties;
    }

    Mono<Void> attempt(Delivery claimed, String token) {
        Mono<Optional<Webhook>> webhook = webhooks.find(claimed.appId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        Mono<Optional<MessageView>> message = messages
                .find(claimed.appId(), claimed.msgId(), claimed.direction(), properties.gatewayUrl())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(webhook, message).flatMap(found -> {
            if (found.getT1().isEmpty()) {
                return deliveries.park(claimed, token, "no webhook configured");
            }
            if (found.getT2().isEmpty()) {
                return deliveries.park(claimed, token, "message is not in the archive");
            }
            return send(claimed, token, found.getT1().get(), found.getT2().get());
        });
    }

    private Mono<Void> send(Delivery claimed, String token, Webhook webhook, MessageView message) {
        byte[] body = json.writeValueAsBytes(message);
        long timestamp = clock.instant().getEpochSecond();
        WebhookSender.WebhookRequest request = new WebhookSender.WebhookRequest(claimed.id(), claimed.eventType(), body,
                timestamp, WebhookSignature.header(webhook.secret(), timestamp, body));
        return sender.post(URI.create(webhook.url()), request).flatMap(attempt -> record(claimed, token, attempt));
    }

    private Mono<Void> record(Delivery claimed, String token, Attempt attempt) {
        LocalDateTime now = Utc.now();
        if (attempt.delivered()) {
            return deliveries.record(claimed, token, attempt, DeliveryStatus.DELIVERED, null, now);
        }
        int failures = claimed.attempts() + 1;
        if (failures >= properties.maxAttempts()) {
            log.warn("Webhook delivery {} of app {} parked after {} attempts: {}",
                    claimed.id(), claimed.appId(), failures, attempt.error());
            return deliveries.record(claimed, token, attempt, DeliveryStatus.PARKED, null, now);
        }
        log.debug("Webhook delivery {} failed (attempt {}): {}", claimed.id(), failures, attempt.error());
        return deliveries.record(claimed, token, attempt, DeliveryStatus.RETRYING,
                now.plus(properties.delayAfter(failures)), now);
    }
}
