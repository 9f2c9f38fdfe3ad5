package dev.wechatapi.session;

import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the contract's topics from the beginning with a plain consumer, the way any consumer of the events would,
 * and waits for the event a test expects. Tests tell their events apart by app id, the record key.
 */
final class EventLog implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();

    EventLog(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.MESSAGES, Topics.CONTACTS, Topics.SESSIONS)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The first event of this app with this CloudEvents type whose payload matches; fails after 30 s. */
    <T> T await(String appId, String eventType, Class<T> payloadType, Predicate<T> matching) {
        Instant deadline = Instant.now().plusSeconds(30);
        int checked = 0;
        while (Instant.now().isBefore(deadline)) {
            for (; checked < seen.size(); checked++) {
                ConsumerRecord<String, CloudEvent> record = seen.get(checked);
                if (appId.equals(record.key()) && eventType.equals(record.value().getType())) {
                    T payload = WeChatEvents.payload(record.value(), payloadType);
                    if (matching.test(payload)) {
                        return payload;
                    }
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        throw new AssertionError("no " + eventType + " event of app " + appId + " matched within 30 s");
    }

    /** Every event of this app seen so far (after reading what is there now). */
    List<CloudEvent> all(String appId) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen.stream().filter(r -> appId.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
