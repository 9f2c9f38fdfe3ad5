package dev.wechatapi.session;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration under {@code wechat.session}; the README has the reference table.
 *
 * @param wechatBaseUrl one origin for every WeChat call (the simulator); unset means the real WeChat hosts
 * @param timeZone zone of the local date-times in responses
 * @param topicPartitions partitions of the event topics when this service creates them
 * @param retryBackoffInitial first pause after a failed sync round or event publication
 * @param retryBackoffMax longest pause between retries
 * @param rateLimitedRetryAfter Retry-After sent when WeChat says the account acts too often
 * @param unreachableRetryAfter Retry-After sent when WeChat cannot be reached
 * @param publishTimeout how long to wait for Kafka to acknowledge one batch of events
 */
@ConfigurationProperties("wechat.session")
public record SessionProperties(
        URI wechatBaseUrl,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("6") int topicPartitions,
        @DefaultValue("1s") Duration retryBackoffInitial,
        @DefaultValue("30s") Duration retryBackoffMax,
        @DefaultValue("60s") Duration rateLimitedRetryAfter,
        @DefaultValue("10s") Duration unreachableRetryAfter,
        @DefaultValue("30s") Duration publishTimeout) {}
