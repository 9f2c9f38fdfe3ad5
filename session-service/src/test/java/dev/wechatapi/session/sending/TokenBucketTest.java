package dev.wechatapi.session.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aFullBucketGivesItsBurstAtOnceThenOneTokenPerInterval() {
        TokenBucket bucket = new TokenBucket(2, 3, now::get);

        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(Duration.ofMillis(500));
        assertThat(bucket.take()).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void waitingRefillsTheBucketButNeverBeyondItsBurst() {
        TokenBucket bucket = new TokenBucket(1, 2, now::get);
        bucket.take();
        bucket.take();

        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(Duration.ofSeconds(1));
    }
}
