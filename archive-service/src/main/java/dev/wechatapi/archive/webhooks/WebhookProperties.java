package dev.wechatapi.archive.webhooks;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code wechat.archive.webhooks.*}).
 *
 * @param gatewayUrl public base URL of the gateway (scheme, host, optional path prefix): media URLs in webhook
 *     bodies point there, since no request tells which host the app uses (default http://localhost:8080)
 * @param allowPrivateAddresses whether a webhook may target loopback, private, link-local and other non-public
 *     addresses; off in production, on for local receivers in development and tests (default false)
 * @param deliveryEnabled whether this replica runs the delivery worker (default true)
 * @param connectTimeout longest wait for a connection to the receiver (default 5s)
 * @param responseTimeout longest wait for the receiver's answer once the request is sent (default 10s)
 * @param initialDelay wait before the first retry; each later one waits {@code multiplier} times longer
 *     (default 1s)
 * @param multiplier growth of the wait between retries (default 2)
 * @param maxDelay the longest wait between two attempts (default 10m)
 * @param maxAttempts attempts before a delivery is parked (default 8)
 * @param perAppConcurrency deliveries of one app in flight at once on one replica (default 4)
 * @param concurrency deliveries in flight at once on one replica, all apps together (default 64)
 * @param pollInterval how often the worker looks for due deliveries; new messages wake it at once (default 1s)
 * @param lease how long a claimed delivery is reserved for the replica attempting it; a replica that dies
 *     mid-attempt leaves it to another after this. Longer than connect and response timeouts together
 *     (default 1m)
 */
@ConfigurationProperties("wechat.archive.webhooks")
public record WebhookProperties(
        @DefaultValue("http://localhost:8080") URI gatewayUrl,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("true") boolean deliveryEnabled,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration responseTimeout,
        @DefaultValue("1s") Duration initialDelay,
        @DefaultValue("2") double multiplier,
        @DefaultValue("10m") Duration maxDelay,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("4") int perAppConcurrency,
        @DefaultValue("64") int concurrency,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1m") Duration lease) {

    public WebhookProperties {
        if (maxAttempts < 1 || perAppConcurrency < 1 || concurrency < 1 || multiplier < 1) {
            throw new IllegalArgumentException("wechat.archive.webhooks: max-attempts, per-app-concurrency and"
                    + " concurrency must be at least 1, multiplier at least 1");
        }
        // An attempt still running when its lease ends could be made a second time by another replica.
        if (lease.compareTo(connectTimeout.plus(responseTimeout)) <= 0) {
            throw new IllegalArgumentException(
                    "wechat.archive.webhooks.lease must be longer than connect-timeout and response-timeout together");
        }
    }

    /** The wait after the {@code failures}-th failed attempt: initial delay, times the multiplier each time, capped. */
    Duration delayAfter(int failures) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
}
