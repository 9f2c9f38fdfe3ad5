package dev.wechatapi.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.WechatGatewayProperties.RateLimit;
import dev.wechatapi.gateway.WechatGatewayProperties.RateLimits;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryRateBucketsTest {

  private final AtomicLong nanos = new AtomicLong();
  private final MemoryRateBuckets buckets = new MemoryRateBuckets(withRates(new RateLimit(2, 3)), nanos::get);

  @Test
  void aFullBucketAllowsItsBurstThenRefillsAtTheReplenishRate() {
    assertThat(remaining()).isEqualTo("2");
    assertThat(remaining()).isEqualTo("1");
    assertThat(remaining()).isEqualTo("0");
    assertThat(take().allowed()).isFalse();

    later(Duration.ofMillis(500));
    assertThat(take().allowed()).isTrue();
    assertThat(take().allowed()).isFalse();

    later(Duration.ofSeconds(10));
    assertThat(remaining()).as("refilled up to the burst capacity, not beyond").isEqualTo("2");
  }

  @Test
  void answersCarryTheSameHeadersAsTheRedisLimiter() {
    assertThat(take().headers()).containsEntry("X-RateLimit-Remaining", "2")
        .containsEntry("X-RateLimit-Replenish-Rate", "2")
        .containsEntry("X-RateLimit-Burst-Capacity", "3")
        .containsEntry("X-RateLimit-Requested-Tokens", "1");
  }

  @Test
  void eachKeyAndGroupHasItsOwnBucket() {
    for (int i = 0; i < 3; i++) {
      take();
    }
    assertThat(buckets.take("archive", "archive:other-app").block().allowed()).isTrue();
    assertThat(buckets.take("session", "session:app").block().allowed()).isTrue();
  }

  private RateBuckets.Take take() {
    return buckets.take("archive", "archive:app").block();
  }

  private String remaining() {
    return take().headers().get("X-RateLimit-Remaining");
  }

  private void later(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  private static WechatGatewayProperties withRates(RateLimit rate) {
    WechatGatewayProperties defaults = WechatGatewayProperties.defaults();
    return new WechatGatewayProperties(defaults.sessionUri(), defaults.archiveUri(), defaults.tokenLifetime(),
        defaults.tokenGrace(), defaults.signatureWindow(), defaults.connectTimeout(), defaults.responseTimeout(),
        defaults.retryAfter(), defaults.linkSecret(), defaults.qrLinkLifetime(), defaults.adminToken(),
        defaults.maxUploadSize(), defaults.cors(), new RateLimits(rate, rate, rate));
  }
}
