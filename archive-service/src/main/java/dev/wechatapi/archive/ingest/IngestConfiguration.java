package dev.wechatapi.archive.ingest;

import dev.wechatapi.archive.store.DatabaseFailures;
import dev.wechatapi.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The topics the archive reads (declared so a fresh broker works; existing topics are left as they are) and what
 * happens to a record that fails: an unreachable database is waited for, anything else is retried a little and
 * then parked on the dead letter topic so the partition moves on.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    NewTopic messagesTopic(IngestProperties properties) {
        return topic(Topics.MESSAGES, properties);
    }

    @Bean
    NewTopic contactsTopic(IngestProperties properties) {
        // Same limit as the session service declares: whichever service starts first creates the topic.
        return TopicBuilder.name(Topics.CONTACTS).partitions(properties.partitions()).replicas(properties.replicas())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.CONTACTS_MAX_RECORD_BYTES))
                .build();
    }

    @Bean
    NewTopic sessionsTopic(IngestProperties properties) {
        return topic(Topics.SESSIONS, properties);
    }

    @Bean
    NewTopic deadLetterTopic(IngestProperties properties) {
        return topic(properties.deadLetterTopic(), properties);
    }

    // Spring Boot applies this to the listener container factory it auto-configures.
    @Bean
    DefaultErrorHandler ingestErrorHandler(KafkaOperations<Object, Object> template, IngestProperties properties) {
        // Partition -1: the producer picks it from the record key, the app id, as for the original topics.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                template, (record, failure) -> new TopicPartition(properties.deadLetterTopic(), -1));
        DefaultErrorHandler handler =
                new DefaultErrorHandler(deadLetters, new FixedBackOff(1_000, properties.retries()));
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        ExponentialBackOff untilDatabaseIsBack = new ExponentialBackOff(1_000, 2.0);
        untilDatabaseIsBack.setMaxInterval(properties.maxRetryInterval().toMillis());
        handler.setBackOffFunction(
                (record, failure) -> DatabaseFailures.unreachable(failure) ? untilDatabaseIsBack : null);
        return handler;
    }

    private static NewTopic topic(String name, IngestProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicas()).build();
    }
}
