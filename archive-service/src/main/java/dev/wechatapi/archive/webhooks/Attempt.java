package dev.wechatapi.archive.webhooks;

import org.jspecify.annotations.Nullable;

/**
 * What one POST to a webhook came to.
 *
 * @param statusCode the receiver's HTTP status, null when none came (refused address, connection failure, timeout)
 * @param error why the attempt failed, null when it succeeded
 */
record Attempt(@Nullable Integer statusCode, @Nullable String error) {

    static Attempt answered(int statusCode) {
        return new Attempt(statusCode, statusCode >= 200 && statusCode < 300 ? null : "HTTP " + statusCode);
    }

    static Attempt failed(String error) {
        return new Attempt(null, error);
    }

    /** A 2xx answer. */
    boolean delivered() {
        return error == null;
    }
}
