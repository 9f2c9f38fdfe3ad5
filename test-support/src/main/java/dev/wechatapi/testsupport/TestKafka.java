package dev.wechatapi.testsupport;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, started on first use: a container when Docker answers, otherwise an
 * in-JVM KRaft broker. Tests isolate themselves with their own app ids (the record key) and consumer groups.
 */
public final class TestKafka {

    private static String bootstrapServers;

    private TestKafka() {}

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = Infrastructure.containers() ? startContainer() : startInJvm();
        }
        return bootstrapServers;
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
    private static String startContainer() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        kafka.start();
        return kafka.getBootstrapServers();
    }

    private static String startInJvm() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        // One offsets partition: the first consumer group (the session replicas' owners group) joins in a blink.
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(broker::destroy));
        return broker.getBrokersAsString();
    }
}
