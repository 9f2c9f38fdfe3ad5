package dev.wechatapi.archive;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the read endpoints render what the archive holds.
 *
 * @param timeZone zone in which times are rendered and time filters are read (default Asia/Shanghai)
 * @param mediaPath path on the gateway under which media are served; a media URL is
 *     {@code <gateway base>/<mediaPath>/<media id>} (default /media)
 * @param retryAfter the Retry-After a 503 advertises while the database is unreachable (default 10s)
 */
@ConfigurationProperties("wechat.archive")
public record ArchiveProperties(
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("/media") String mediaPath,
        @DefaultValue("10s") Duration retryAfter) {}
