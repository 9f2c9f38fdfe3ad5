package dev.wechatapi.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.WeChatEvents;
import dev.wechatapi.testsupport.TestKafka;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runners against the real test broker: every test gets its own topic (one partition, so the order of everything
 * published is the order of delivery) and its own consumer group; the runners a test started are closed after it.
 *
 * <pre>{@code @RegisterExtension final KafkaRunners kafka = new KafkaRunners();}</pre>
 */
final class KafkaRunners implements BeforeEachCallback, AfterEachCallback {

    static final Duration WAIT = Duration.ofSeconds(20);

    // One producer and one admin for the whole test JVM, like the broker itself.
    private static KafkaProducer<String, CloudEvent> producer;
    private static Admin admin;

    private final List<HandlerRunner> runners = new ArrayList<>();
    private String topic;
    private String group;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        connect();
        group = "group-" + UUID.randomUUID();
        newTopic(1);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        runners.forEach(HandlerRunner::close);
        runners.clear();
    }

    private static synchronized void connect() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                    new StringSerializer(), new CloudEventSerializer());
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
        }
    }

    /** Replaces this test's topic by a new one with {@code partitions} partitions. */
    void newTopic(int partitions) throws Exception {
        topic = "handlers-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }

    String topic() {
        return topic;
    }

    String group() {
        return group;
    }

    /**
     * Builds a runner on this test's topic and group, configured further by {@code configuration}, starts it and
     * waits until it joined the group.
     */
    HandlerRunner start(UnaryOperator<HandlerRunner.Builder> configuration) throws InterruptedException {
        HandlerRunner runner = configuration.apply(HandlerRunner.builder()
                        .bootstrapServers(TestKafka.bootstrapServers())
                        .groupId(group)
                        .topic(topic)
                        .shutdownTimeout(Duration.ofSeconds(10)))
                .build()
                .start();
        runners.add(runner);
        assertThat(runner.awaitJoined(WAIT)).as("joined the group").isTrue();
        return runner;
    }

    /** Publishes the message the way the session service does: a CloudEvent keyed by its app id. */
    void publish(MessageEvent message) throws Exception {
        producer.send(new ProducerRecord<>(topic, message.appId(), WeChatEvents.messageEvent(message))).get();
    }

    /** Publishes any record, readable or not, to this test's topic. */
    void send(String key, CloudEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, event)).get();
    }

    void publish(int partition, MessageEvent message) throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, message.appId(), WeChatEvents.messageEvent(message)))
                .get();
    }

    /** The group's committed offset of partition {@code partition}, or -1. */
    long committedOffset(int partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, partition));
        return offset == null ? -1 : offset.offset();
    }
}
