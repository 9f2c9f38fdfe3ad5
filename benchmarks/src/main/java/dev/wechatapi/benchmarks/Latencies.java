package dev.wechatapi.benchmarks;

import java.util.Arrays;

/** Response times of repeated calls, summarised as percentiles in milliseconds. */
final class Latencies {

    private final long[] nanos;
    private int size;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long elapsedNanos) {
        nanos[size++] = elapsedNanos;
    }

    int size() {
        return size;
    }

    double percentile(double p) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1_000_000.0;
    }

    String summary() {
        return "p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d calls".formatted(
                percentile(50), percentile(99), percentile(100), size);
    }
}
