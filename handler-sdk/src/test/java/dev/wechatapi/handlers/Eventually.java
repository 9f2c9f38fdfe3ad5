package dev.wechatapi.handlers;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Polls until a condition holds. */
final class Eventually {

    private Eventually() {}

    static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
