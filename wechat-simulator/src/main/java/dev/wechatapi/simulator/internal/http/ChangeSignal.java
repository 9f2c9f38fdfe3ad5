package dev.wechatapi.simulator.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes long polls when something they watch changes. A poller reads {@link #version()} before looking at the
 * state, so a change that lands between the look and the wait is never missed.
 */
public final class ChangeSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long version;

    public long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    public void signal() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the version moves past {@code seen} or the deadline passes; true when it moved. */
    public boolean awaitChange(long seen, Instant deadline) throws InterruptedException {
        lock.lock();
        try {
            while (version == seen) {
                long nanos = Duration.between(Instant.now(), deadline).toNanos();
                if (nanos <= 0) {
                    return false;
                }
                changed.await(nanos, TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
