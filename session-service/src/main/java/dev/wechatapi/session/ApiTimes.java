package dev.wechatapi.session;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/** Formats instants the way the public API shows times: ISO local date-time, whole seconds, server zone. */
@Component
public class ApiTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final SessionProperties properties;

    public ApiTimes(SessionProperties properties) {
        this.properties = properties;
    }

    public String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(properties.timeZone()));
    }
}
