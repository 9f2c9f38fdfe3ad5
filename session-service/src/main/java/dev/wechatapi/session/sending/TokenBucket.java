package dev.wechatapi.session.sending;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket that hands out reservations: {@link #take()} always takes a token, and when none is left it says
 * how long the caller must wait for the one it took (the bucket goes into debt). One caller at a time takes from
 * it, so waits add up in order.
 */
final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long updatedAt;

    /**
     * @param perSecond tokens added per second
     * @param burst most tokens the bucket holds (and holds at the start)
     * @param nanoTime a monotonic clock, {@code System::nanoTime} outside tests
     */
    TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.perNano = perSecond / 1e9;
        this.capacity = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.updatedAt = nanoTime.getAsLong();
    }

    /** Takes one token; returns how long to wait before using it, zero when it was there. */
    synchronized Duration take() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
        updatedAt = now;
        tokens -= 1;
        return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / perNano));
    }
}
