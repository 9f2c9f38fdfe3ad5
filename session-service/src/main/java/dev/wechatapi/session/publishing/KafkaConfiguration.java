package dev.wechatapi.session.publishing;

import dev.wechatapi.events.Topics;
import dev.wechatapi.session.SessionProperties;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Producer settings the event contract depends on, fixed in code rather than left to configuration: CloudEvents
 * values, app id keys, and idempotent, fully acknowledged writes (the sync loop counts on an acknowledgement
 * meaning the event is safe), large enough for the contact snapshots of big accounts. Also declares the contract's topics.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    static final int MAX_SNAPSHOT_BYTES = Topics.CONTACTS_MAX_RECORD_BYTES;

    @Bean
    DefaultKafkaProducerFactoryCustomizer cloudEventsProducer() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_SNAPSHOT_BYTES,
                // Room for the largest snapshot beside the message events waiting to be sent.
                ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * MAX_SNAPSHOT_BYTES,
                // JSON shrinks several times: less network and disk for snapshots, cheap for small batches.
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
    }

    @Bean
    NewTopic messagesTopic(SessionProperties properties) {
        return TopicBuilder.name(Topics.MESSAGES).partitions(properties.topicPartitions()).build();
    }

    @Bean
    NewTopic contactsTopic(SessionProperties properties) {
        // A snapshot is one record per account; large accounts need more than the broker's 1 MB default.
        return TopicBuilder.name(Topics.CONTACTS).partitions(properties.topicPartitions())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_SNAPSHOT_BYTES))
                .build();
    }

    @Bean
    NewTopic sessionsTopic(SessionProperties properties) {
        return TopicBuilder.name(Topics.SESSIONS).partitions(properties.topicPartitions()).build();
    }
}
