package dev.wechatapi.archive.webhooks;

import dev.wechatapi.archive.store.Utc;
import dev.wechatapi.events.MessageEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where the ingest hands archived messages over for forwarding: a delivery row for each message archived while its
 * app has a webhook. Idempotent, like the archive itself: a replayed message finds its delivery, or was archived
 * before the webhook existed, and adds none.
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

    /**
     * Adds the deliveries of these messages, just archived or read again; emits the rows the database reports. Only
     * messages archived while their app had its webhook get one, so a replayed topic forwards nothing old.
     */
    public Mono<Long> enqueue(List<MessageEvent> messages) {
        if (messages.isEmpty()) {
            return Mono.just(0L);
        }
        Set<String> appIds = new HashSet<>();
        messages.forEach(message -> appIds.add(message.appId()));
        return webhooks.withWebhook(appIds)
                .collect(HashSet<String>::new, Set::add)
                .filter(withWebhook -> !withWebhook.isEmpty())
                .flatMap(withWebhook -> deliveries.insertForArchived(withWebhook, msgIds(messages, withWebhook),
                        Utc.now()))
                .defaultIfEmpty(0L)
                .doOnNext(inserted -> {
                    if (inserted > 0) {
                        worker.wakeUp();
                    }
                });
    }

    private static Set<Long> msgIds(List<MessageEvent> messages, Set<String> withWebhook) {
        Set<Long> ids = new HashSet<>();
        for (MessageEvent message : messages) {
            if (withWebhook.contains(message.appId())) {
                ids.add(message.msgId());
            }
        }
        return ids;
    }
}
