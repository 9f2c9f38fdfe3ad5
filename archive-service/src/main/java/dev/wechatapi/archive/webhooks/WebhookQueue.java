package dev.wechatapi.archive.webhooks;

import dev.wechatapi.archive.store.Utc;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.MessageEvent;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where the ingest hands archived messages over for forwarding: a delivery row for each message of an app that
 * has a webhook. Idempotent, like the archive itself: a replayed message finds its delivery and adds none.
 *
 * <pre>{@code
 * messages.archive(batch).then(webhooks.enqueue(batch))
 * }</pre>
 */
@Component
public final class WebhookQueue {

    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;

    WebhookQueue(WebhookStore webhooks, DeliveryStore deliveries, DeliveryWorker worker) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.worker = worker;
    }

    /** Adds the deliveries of these messages; emits how many were new. */
    public Mono<Long> enqueue(List<MessageEvent> messages) {
        if (messages.isEmpty()) {
            return Mono.just(0L);
        }
        Set<String> appIds = new HashSet<>();
        messages.forEach(message -> appIds.add(message.appId()));
        return webhooks.withWebhook(appIds)
                .collect(HashSet<String>::new, Set::add)
                .flatMap(withWebhook -> deliveries.insert(rows(messages, withWebhook)))
                .doOnNext(inserted -> {
                    if (inserted > 0) {
                        worker.wakeUp();
                    }
                });
    }

    private static List<@Nullable Object[]> rows(List<MessageEvent> messages, Set<String> withWebhook) {
        LocalDateTime now = Utc.now();
        List<@Nullable Object[]> rows = new ArrayList<>();
        for (MessageEvent message : messages) {
            if (withWebhook.contains(message.appId())) {
                rows.add(new Object[] {message.appId(), message.msgId(), message.direction().name(),
                        eventType(message.direction()), DeliveryStatus.RETRYING.value(), 0, now, now});
            }
        }
        return rows;
    }

    // The CloudEvents type the message arrived as (WeChatEvents.messageEvent picks it by direction).
    private static String eventType(Direction direction) {
        return direction == Direction.SENT ? EventTypes.MESSAGE_SENT : EventTypes.MESSAGE_RECEIVED;
    }
}
