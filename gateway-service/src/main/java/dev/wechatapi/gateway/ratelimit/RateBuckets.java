package dev.wechatapi.gateway.ratelimit;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The token buckets behind {@link AppRateLimiter}, one per app and route group: in Redis ({@link RedisRateBuckets},
 * shared by every gateway replica) or in memory ({@link MemoryRateBuckets}, one gateway without Redis).
 */
interface RateBuckets {

  /**
   * Takes one token from the bucket {@code key} of {@code group}; fails with an {@code ApiException} 503 when the
   * store cannot be asked (a call is never let through unlimited).
   */
  Mono<Take> take(String group, String key);

  /** Whether the token was there, and the {@code X-RateLimit-*} headers describing the bucket. */
  record Take(boolean allowed, Map<String, String> headers) {}
}
