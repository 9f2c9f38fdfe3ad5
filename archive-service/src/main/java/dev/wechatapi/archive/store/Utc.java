package dev.wechatapi.archive.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** The archive stores times as UTC DATETIME columns, so no driver or server time zone setting can shift them. */
public final class Utc {

    private Utc() {}

    public static @Nullable LocalDateTime of(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
