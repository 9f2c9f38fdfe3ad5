package dev.wechatapi.archive.webhooks;

import java.util.Locale;

/** Where a delivery stands; stored and shown in lower case. */
enum DeliveryStatus {
    /** Not delivered yet; attempted when {@code next_attempt_at} has come (the first attempt included). */
    RETRYING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed (or the webhook was removed); waits for a manual retry. */
    PARKED;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
