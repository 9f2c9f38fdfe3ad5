package dev.wechatapi.session.ownership;

import dev.wechatapi.session.SessionProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The two internal topics of the replicas, declared at start-up, and the producer that writes to both. Commands and
 * replies are worth nothing after their deadline, so both topics keep records for an hour only.
 */
@Configuration(proxyBeanMethods = false)
class OwnershipTopics {

    /** Requests forwarded to the owning replica, keyed by app id. */
    static final String COMMANDS = "wechat.session.commands";

    /** The owners' answers, keyed by the id of the replica that asked. */
    static final String REPLIES = "wechat.session.replies";

    /** Phase of the ownership lifecycles: below the web server's, which starts at {@code DEFAULT_PHASE - 2048}. */
    static final int LIFECYCLE_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final String RETENTION = Long.toString(Duration.ofHours(1).toMillis());

    // A forwarded /send-message carries the upload: the largest file plus the multipart envelope.
    static int maxRecordBytes(SessionProperties properties) {
        return Math.toIntExact(properties.send().maxFileSize().toBytes() + 1024 * 1024);
    }

    @Bean
    NewTopic commandsTopic(SessionProperties properties) {
        return TopicBuilder.name(COMMANDS).partitions(properties.topicPartitions())
                .config(TopicConfig.RETENTION_MS_CONFIG, RETENTION)
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxRecordBytes(properties)))
                .build();
    }

    @Bean
    NewTopic repliesTopic(SessionProperties properties) {
        return TopicBuilder.name(REPLIES).partitions(properties.topicPartitions())
                .config(TopicConfig.RETENTION_MS_CONFIG, RETENTION)
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxRecordBytes(properties)))
                .build();
    }

    @Bean(destroyMethod = "close")
    KafkaProducer<String, byte[]> commandProducer(KafkaProperties kafka, SessionProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.putAll(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes(properties)));
        return new KafkaProducer<>(config);
    }
}
