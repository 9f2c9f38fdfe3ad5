package dev.wechatapi.archive.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the archive consumes the event stream. Kafka itself (bootstrap servers, group id) is configured under
 * {@code spring.kafka}.
 *
 * @param partitions partitions of the topics the archive declares when they do not exist yet (default 6)
 * @param replicas replication factor of those topics (default 1)
 * @param deadLetterTopic where records that cannot be archived go (default wechat.archive.dlt)
 * @param writeTimeout longest wait for one record's rows to be committed (default 60s)
 * @param retries attempts after the first before a failing record goes to the dead letter topic (default 2)
 * @param maxRetryInterval longest pause between attempts while the database is unreachable; such records are
 *     retried until it is back, never dead-lettered (default 30s)
 * @param messageConsumers consumer threads of the messages topic, each writing its own polls (default 2)
 */
@ConfigurationProperties("wechat.archive.ingest")
public record IngestProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("wechat.archive.dlt") String deadLetterTopic,
        @DefaultValue("60s") Duration writeTimeout,
        @DefaultValue("2") int retries,
        @DefaultValue("30s") Duration maxRetryInterval,
        @DefaultValue("2") int messageConsumers) {}
