package dev.wechatapi.session.publishing;

import dev.wechatapi.session.Backoff;
import dev.wechatapi.session.SessionProperties;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
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
     * Blocks until Kafka acknowledged every event, retrying the whole list with backoff while {@code keepTrying}
     * holds. A retry may publish an event twice; consumers deduplicate by event id, so that replays and never loses.
     *
     * @return whether everything was acknowledged
     */
    public boolean publishAll(List<Outgoing> events, BooleanSupplier keepTrying) throws InterruptedException {
        if (events.isEmpty()) {
            return true;
        }
        Backoff backoff = Backoff.from(properties);
        while (true) {
            try {
                publish(events).get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException | TimeoutException e) {
                if (!keepTrying.getAsBoolean()) {
                    log.warn("giving up on {} events after a failed publication", events.size(), e);
                    return false;
                }
                log.warn("publishing {} events failed, retrying", events.size(), e);
                backoff.pause();
            }
        }
    }
}
