package dev.wechatapi.session.publishing;

import dev.wechatapi.session.Backoff;
import dev.wechatapi.session.SessionProperties;
import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends events of the contract to Kafka, keyed by app id so one account's events stay in order on one partition.
 *
 * <pre>{@code
 * publisher.publishAll(List.of(Outgoing.message(event)), session::isCurrent);
 * }</pre>
 */
@Component
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final SessionProperties properties;

    public EventPublisher(KafkaTemplate<String, CloudEvent> kafka, SessionProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Sends the events and completes when Kafka acknowledged all of them. */
    public CompletableFuture<Void> publish(List<Outgoing> events) {
        CompletableFuture<?>[] sends = events.stream()
                .map(e -> kafka.send(new ProducerRecord<>(e.topic(), e.appId(), e.event())))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }

    /**
     * Blocks until Kafka acknowledged every event, retrying with backoff while {@code keepTrying} holds. A retry may
     * publish an event twice; consumers deduplicate by event id, so that replays and never loses. An event Kafka
     * refuses as too large (a contact snapshot over the topic's limit) can never be published: it is logged and
     * left out, and the others are published without it, so one huge account's snapshot never stops its messages.
     *
     * @return whether everything that can be published was acknowledged
     */
    public boolean publishAll(List<Outgoing> events, BooleanSupplier keepTrying) throws InterruptedException {
        List<Outgoing> pending = new ArrayList<>(events);
        Backoff backoff = Backoff.from(properties);
        while (!pending.isEmpty()) {
            List<CompletableFuture<?>> sends = pending.stream()
                    .<CompletableFuture<?>>map(e -> kafka.send(new ProducerRecord<>(e.topic(), e.appId(), e.event())))
                    .toList();
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException | TimeoutException e) {
                pending = withoutTooLarge(pending, sends);
                if (!keepTrying.getAsBoolean()) {
                    log.warn("giving up on {} events after a failed publication", pending.size(), e);
                    return false;
                }
                log.warn("publishing {} events failed, retrying", pending.size(), e);
                backoff.pause();
            }
        }
        return true;
    }

    private static List<Outgoing> withoutTooLarge(List<Outgoing> events, List<CompletableFuture<?>> sends) {
        List<Outgoing> publishable = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (tooLarge(sends.get(i))) {
                Outgoing event = events.get(i);
                log.error("app {}: {} event {} is larger than {} accepts and is not published", event.appId(),
                        event.event().getType(), event.event().getId(), event.topic());
            } else {
                publishable.add(events.get(i));
            }
        }
        return publishable;
    }

    private static boolean tooLarge(CompletableFuture<?> send) {
        if (!send.isCompletedExceptionally()) {
            return false;
        }
        Throwable failure = send.exceptionNow();
        while (failure != null) {
            if (failure instanceof RecordTooLargeException) {
                return true;
            }
            failure = failure.getCause();
        }
        return false;
    }
}
