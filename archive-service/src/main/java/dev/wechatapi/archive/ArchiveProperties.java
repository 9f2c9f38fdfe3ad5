package dev.wechatapi.archive;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the read endpoints render what the archive holds.
 *
 * @param timeZone zone in which times are rendered and time filters are read (default Asia/Shanghai)
 * @param mediaPath path on the gateway under which media are served; a media URL is
 *     {@code <gateway base>/<mediaPath>/<media id>} (default /media)
 * @param mediaLinkLifetime how long a signed media link stays valid after it is rendered, when
 *     {@code wechat.media.link-secrets} is set (default 1h)
 * @param retryAfter the Retry-After a 503 advertises while the database is unreachable (default 10s)
 * @param readCacheSize memory for list answers kept per replica, estimated from the rows' text (default 64MB; 0
 *     keeps none), see {@link dev.wechatapi.archive.store.ReadCache}
 */
@ConfigurationProperties("wechat.archive")
public record ArchiveProperties(
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("/media") String mediaPath,
        @DefaultValue("1h") Duration mediaLinkLifetime,
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue("64MB") DataSize readCacheSize) {

    public ArchiveProperties {
        // A link must outlive the response that carries it; the gateway counts expiry in whole seconds.
        if (mediaLinkLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("wechat.archive.media-link-lifetime must be at least 1s");
        }
        if (readCacheSize.isNegative()) {
            throw new IllegalArgumentException("wechat.archive.read-cache-size must not be negative");
        }
    }
}
