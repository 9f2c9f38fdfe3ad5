package dev.wechatapi.archive.web;

import dev.wechatapi.archive.ArchiveProperties;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Converts between the UTC times the archive stores and the local times of the configured zone that clients
 * see and filter by ({@code wechat.archive.time-zone}).
 */
@Component
public final class LocalTimes {

    private final ArchiveProperties properties;

    public LocalTimes(ArchiveProperties properties) {
        this.properties = properties;
    }

    /** A stored UTC time as the API shows it, to the second: {@code 2020-02-12T10:01:24}. */
    public @Nullable String render(@Nullable LocalDateTime utc) {
        if (utc == null) {
            return null;
        }
        LocalDateTime local = utc.atOffset(ZoneOffset.UTC)
                .atZoneSameInstant(properties.timeZone())
                .toLocalDateTime()
                .truncatedTo(ChronoUnit.SECONDS);
        // LocalDateTime.toString() drops ":00" seconds, which the original format always shows.
        return local.toLocalDate() + "T" + String.format("%02d:%02d:%02d", local.getHour(), local.getMinute(), local.getSecond());
    }

    /** A client's local time as the stored UTC time. */
    public LocalDateTime toUtc(LocalDateTime local) {
        return local.atZone(properties.timeZone()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
