package dev.wechatapi.session;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 * @param send pacing of each account's outgoing messages
 * @param http the connections to WeChat, shared by every session of this replica
 * @param media downloads of received media and avatars into the media store
 * @param ownership how the replicas of this service share the sessions
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
        @DefaultValue("30s") Duration publishTimeout,
        @DefaultValue Send send,
        @DefaultValue Http http,
        @DefaultValue Media media,
        @DefaultValue Ownership ownership) {

    /**
     * Per-account send pacing under {@code wechat.session.send}: a token bucket in front of WeChat, a bounded queue
     * of sends waiting for a token, and a pause when WeChat says the account sends too often.
     *
     * @param rate sends per second an account may make in the long run
     * @param burst sends an idle account may make at once
     * @param queueSize sends that may wait for their turn (beyond the one being sent); more are refused with 429
     * @param pauseInitial how long an account stops sending after WeChat's "too often" (Ret 1205)
     * @param pauseMax cap of the pause, which doubles while WeChat keeps refusing
     * @param maxFileSize largest image, file or video a client may send; bigger uploads get 413
     */
    public record Send(
            @DefaultValue("1") double rate,
            @DefaultValue("5") int burst,
            @DefaultValue("20") int queueSize,
            @DefaultValue("60s") Duration pauseInitial,
            @DefaultValue("15m") Duration pauseMax,
            @DefaultValue("20MB") DataSize maxFileSize) {}

    /**
     * The HTTP client every session's WeChat calls share, under {@code wechat.session.http}. Each session keeps a
     * long poll open, so the pool must be allowed to hold one idle connection per session between polls.
     *
     * @param maxIdleConnections idle connections kept for reuse (about one per live session)
     * @param keepAlive how long an idle connection is kept
     */
    public record Http(
            @DefaultValue("20000") int maxIdleConnections,
            @DefaultValue("5m") Duration keepAlive) {}

    /**
     * Downloads from WeChat into the media store, under {@code wechat.session.media}. A sync round waits for its
     * batch's downloads, so they are bounded in size and time; what does not make it is published without a media id.
     *
     * @param maxSize largest medium kept; a message announcing more, or a download bigger than this, is skipped
     * @param downloadTimeout how long one sync round waits for the downloads of its batch, which run in parallel
     * @param downloadConcurrency downloads of one batch in flight at once
     * @param avatarConcurrency avatar downloads of one account in flight at once
     * @param avatarTimeout how long one pass over an account's avatars may take before the rest are skipped
     */
    public record Media(
            @DefaultValue("50MB") DataSize maxSize,
            @DefaultValue("30s") Duration downloadTimeout,
            @DefaultValue("4") int downloadConcurrency,
            @DefaultValue("8") int avatarConcurrency,
            @DefaultValue("10m") Duration avatarTimeout) {}

    /**
     * Sharing the sessions between replicas, under {@code wechat.session.ownership}: the replicas form one Kafka
     * consumer group on the command topic, and whoever is assigned an app's partition owns that app's session.
     *
     * @param groupId the consumer group of the replicas that share sessions; replicas of one deployment use the same
     * @param sessionTimeout how long a replica that stopped answering keeps its partitions before the others take
     *     over (a crash is noticed after this; a clean stop hands over at once)
     * @param heartbeatInterval how often a replica tells Kafka it is alive (a third of the session timeout or less)
     * @param commandTimeout how long a request forwarded to the owning replica may wait for its answer
     */
    public record Ownership(
            @DefaultValue("wechat-session-owners") String groupId,
            @DefaultValue("10s") Duration sessionTimeout,
            @DefaultValue("3s") Duration heartbeatInterval,
            @DefaultValue("25s") Duration commandTimeout) {}
}
