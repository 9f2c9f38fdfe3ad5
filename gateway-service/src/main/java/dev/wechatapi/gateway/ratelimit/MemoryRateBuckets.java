package dev.wechatapi.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.WechatGatewayProperties.RateLimit;
import dev.wechatapi.gateway.store.MemoryStore;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link RateBuckets} in this process's memory, for one gateway without Redis: the same token bucket as Redis's
 * script (refilled at {@code replenish-rate} per second up to {@code burst-capacity}), with the same headers.
 */
@Component
@MemoryStore
class MemoryRateBuckets implements RateBuckets {

  private static final double NANOS_PER_SECOND = 1e9;

  private final WechatGatewayProperties.RateLimits rates;
  private final Ticker ticker;
  // A bucket untouched for longer than it takes to fill is full again: it can go.
  private final Cache<String, Bucket> buckets;

  @Autowired
  MemoryRateBuckets(WechatGatewayProperties properties) {
    this(properties, Ticker.systemTicker());
  }

  MemoryRateBuckets(WechatGatewayProperties properties, Ticker ticker) {
    this.rates = properties.rateLimits();
    this.ticker = ticker;
    this.buckets = Caffeine.newBuilder().ticker(ticker).expireAfterAccess(longestFill(rates)).build();
  }

  @Override
  public Mono<Take> take(String group, String key) {
    RateLimit rate = rates.of(group);
    return Mono.fromSupplier(() -> {
      Bucket bucket = buckets.get(group + ":" + key, k -> new Bucket(rate.burstCapacity(), ticker.read()));
      long remaining = bucket.take(rate, ticker.read());
      return new Take(remaining >= 0, Map.of(
          RedisRateLimiter.REMAINING_HEADER, String.valueOf(Math.max(remaining, 0)),
          RedisRateLimiter.REPLENISH_RATE_HEADER, String.valueOf(rate.replenishRate()),
          RedisRateLimiter.BURST_CAPACITY_HEADER, String.valueOf(rate.burstCapacity()),
          RedisRateLimiter.REQUESTED_TOKENS_HEADER, "1"));
    });
  }

  private static Duration longestFill(WechatGatewayProperties.RateLimits rates) {
    long seconds = 1;
    for (String group : WechatGatewayProperties.RateLimits.GROUPS) {
      RateLimit rate = rates.of(group);
      seconds = Math.max(seconds, (long) Math.ceil((double) rate.burstCapacity() / Math.max(1, rate.replenishRate())));
    }
    return Duration.ofSeconds(seconds + 1);
  }

  /** Tokens left (fractional while refilling) and when they were counted. */
  private static final class Bucket {

    private double tokens;
    private long countedAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.countedAt = now;
    }

    /** Takes one token; answers the whole tokens left, or -1 when there was none. */
    synchronized long take(RateLimit rate, long now) {
      double refill = Math.max(0, now - countedAt) / NANOS_PER_SECOND * rate.replenishRate();
      tokens = Math.min(rate.burstCapacity(), tokens + refill);
      countedAt = now;
      if (tokens < 1) {
        return -1;
      }
      tokens -= 1;
      return (long) tokens;
    }
  }
}
