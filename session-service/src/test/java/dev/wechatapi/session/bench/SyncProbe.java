package dev.wechatapi.session.bench;

import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.Topics;
import dev.wechatapi.simulator.SimulatorControl;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Proves sessions still sync: a friend of each sampled account writes through the simulator's control API, and
 * the probe waits for each app's {@code wechat.message.received.v1} on Kafka, timing injection to event.
 */
final class SyncProbe implements AutoCloseable {

    /** How many of the probed sessions delivered, and how long it took them. */
    record Result(int probed, int delivered, long p50Millis, long p99Millis, long maxMillis, Duration total) {}

    private final KafkaConsumer<String, CloudEvent> consumer;

    SyncProbe(String bootstrapServers) {
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
    }

    /** Injects one message per app (app id → simulator account id) and waits up to {@code timeout} for all. */
    Result probe(SimulatorControl control, Map<String, String> accountsByApp, int concurrency, Duration timeout)
            throws InterruptedException {
        long started = System.nanoTime();
        Map<String, Long> injectedAt = new ConcurrentHashMap<>();
        Map<String, Long> latencies = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(concurrency);
        int submitted = 0;
        try (ExecutorService injectors = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Map.Entry<String, String> app : accountsByApp.entrySet()) {
                permits.acquire();
                injectors.submit(() -> {
                    try {
                        injectedAt.put(app.getKey(), System.nanoTime());
                        control.sendText(app.getValue(), 0, "density probe " + app.getKey());
                    } finally {
                        permits.release();
                    }
                });
                // Read as we go, so early deliveries are timed when they arrive rather than after all injections.
                if (++submitted % 100 == 0) {
                    drain(injectedAt, latencies, Duration.ZERO);
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latencies.size() < accountsByApp.size() && System.nanoTime() < deadline) {
            drain(injectedAt, latencies, Duration.ofMillis(200));
        }
        long[] sorted = latencies.values().stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(accountsByApp.size(), sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], Duration.ofNanos(System.nanoTime() - started));
    }

    private void drain(Map<String, Long> injectedAt, Map<String, Long> latencies, Duration wait) {
        long now = System.nanoTime();
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        consumer.poll(wait).forEach(records::add);
        for (ConsumerRecord<String, CloudEvent> record : records) {
            Long at = injectedAt.get(record.key());
            if (at != null && EventTypes.MESSAGE_RECEIVED.equals(record.value().getType())) {
                latencies.putIfAbsent(record.key(), Duration.ofNanos(now - at).toMillis());
            }
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    @Override
    public void close() {
        consumer.close();
    }
}
