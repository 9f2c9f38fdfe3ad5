package dev.wechatapi.handlers.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Raised once when the runner is asked to stop; waits in between retries end early when it is. */
public final class StopSignal {

    private final CountDownLatch stop = new CountDownLatch(1);

    public void raise() {
        stop.countDown();
    }

    public boolean raised() {
        return stop.getCount() == 0;
    }

    /** Waits for {@code delay}; returns false when the signal was raised before (or while) waiting. */
    public boolean pause(Duration delay) {
        try {
            return !stop.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
