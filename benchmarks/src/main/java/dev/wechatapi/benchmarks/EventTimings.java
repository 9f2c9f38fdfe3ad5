package dev.wechatapi.benchmarks;

import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Splits the pipeline's latency at Kafka: for every received message of the given apps published from now on, how
 * long after the session synced it ({@code receiveTime}) the record was produced (its CreateTime), and how long
 * after that a plain consumer polling the topic saw it. All clocks are this machine's.
 */
final class EventTimings implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final Set<String> apps;
    private final List<Long> syncedToProduced = new ArrayList<>();
    private final List<Long> producedToConsumed = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    EventTimings(String bootstrapServers, Set<String> apps) {
        this.apps = apps;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.MESSAGES).stream()
                .map(p -> new TopicPartition(Topics.MESSAGES, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().name("event-timings").start(this::read);
    }

    private void read() {
        while (running.get()) {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(100))) {
                long seen = System.currentTimeMillis();
                if (!apps.contains(record.key())) {
                    continue;
                }
                if (WeChatEvents.payload(record.value()) instanceof MessageEvent message
                        && message.receiveTime() != null) {
                    synchronized (this) {
                        syncedToProduced.add(record.timestamp() - message.receiveTime().toEpochMilli());
                        producedToConsumed.add(seen - record.timestamp());
                    }
                }
            }
        }
        consumer.close();
    }

    synchronized String summary() {
        return "session synced → record produced: " + of(syncedToProduced).summary()
                + "; record produced → seen by a consumer: " + of(producedToConsumed).summary();
    }

    private static Latencies of(List<Long> millis) {
        Latencies latencies = new Latencies(millis.size());
        millis.forEach(ms -> latencies.add(ms * 1_000_000));
        return latencies;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
