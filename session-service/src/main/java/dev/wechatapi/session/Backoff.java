package dev.wechatapi.session;

import java.time.Duration;

/**
 * Exponential pauses between retries of one loop: initial, doubled after every failure, capped; reset after a
 * success. Not thread-safe: one per loop.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    public static Backoff from(SessionProperties properties) {
        return new Backoff(properties.retryBackoffInitial(), properties.retryBackoffMax());
    }

    /** Sleeps for the current pause and doubles the next one. */
    public void pause() throws InterruptedException {
        Thread.sleep(next());
    }

    /** The current pause, for a caller that waits in its own way; the next one is doubled. */
    public Duration next() {
        Duration current = next;
        Duration doubled = current.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    public void reset() {
        next = initial;
    }
}
