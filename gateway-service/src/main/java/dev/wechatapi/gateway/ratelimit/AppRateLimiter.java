package dev.wechatapi.gateway.ratelimit;

import dev.wechatapi.gateway.errors.ApiException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Per-app request rates: a token bucket per app and route group ({@link RateBuckets}: in Redis, or in memory for one
 * gateway without Redis), with the rates of {@code wechat.gateway.rate-limits.<group>}; used by the
 * {@code AppRateLimit} route filter and by the gateway's own endpoints that count as app calls (media).
 *
 * <p>Two answers differ from Spring Cloud Gateway's stock limiter because the contract needs them: a refused call
 * gets 429 in the contract's shape with {@code Retry-After}, and when the store cannot be asked the call gets 503
 * {@code store_unavailable} instead of passing unlimited.
 *
 * <pre>rateLimiter.admit(exchange, "media", appId).then(serve(...))</pre>
 */
@Component
public class AppRateLimiter {

  // One token refills in 1/replenishRate seconds; Retry-After counts in whole seconds.
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final RateBuckets buckets;

  AppRateLimiter(RateBuckets buckets) {
    this.buckets = buckets;
  }

  /**
   * Takes one token from the app's bucket of {@code group} and puts the {@code X-RateLimit-*} headers on the answer;
   * completes empty when the call may go on, fails with an {@code ApiException} 429 or 503 otherwise.
   */
  public Mono<Void> admit(ServerWebExchange exchange, String group, String appId) {
    // Each group has its own bucket per app: the key names both.
    return buckets.take(group, group + ":" + appId)
        .flatMap(take -> {
          HttpHeaders headers = exchange.getResponse().getHeaders();
          take.headers().forEach(headers::set);
          if (!take.allowed()) {
            return Mono.error(new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "请求过于频繁，请稍后重试。", RETRY_AFTER));
          }
          return Mono.empty();
        });
  }
}
