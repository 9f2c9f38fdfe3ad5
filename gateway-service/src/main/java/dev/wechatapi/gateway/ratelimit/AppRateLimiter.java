package dev.wechatapi.gateway.ratelimit;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.WechatGatewayProperties.RateLimit;
import dev.wechatapi.gateway.errors.ApiException;
import java.time.Duration;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter} (a token bucket in Redis) per app and group, with the rates of
 * {@code wechat.gateway.rate-limits.<group>}; used by the {@code AppRateLimit} route filter and by the gateway's own
 * endpoints that count as app calls (media).
 *
 * <p>Two answers differ from the stock limiter because the contract needs them: a refused call gets 429 in the
 * contract's shape with {@code Retry-After}, and when Redis cannot be asked the call gets 503
 * {@code store_unavailable} instead of passing unlimited.
 *
 * <pre>rateLimiter.admit(exchange, "media", appId).then(serve(...))</pre>
 */
@Component
public class AppRateLimiter {

  // One token refills in 1/replenishRate seconds; Retry-After counts in whole seconds.
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final RedisRateLimiter rateLimiter;

  AppRateLimiter(RedisRateLimiter rateLimiter, WechatGatewayProperties properties) {
    this.rateLimiter = rateLimiter;
    for (String group : WechatGatewayProperties.RateLimits.GROUPS) {
      RateLimit rate = properties.rateLimits().of(group);
      rateLimiter.getConfig().put(limiterId(group), new RedisRateLimiter.Config()
          .setReplenishRate(rate.replenishRate()).setBurstCapacity(rate.burstCapacity()).setRequestedTokens(1));
    }
  }

  /**
   * Takes one token from the app's bucket of {@code group} and puts the {@code X-RateLimit-*} headers on the answer;
   * completes empty when the call may go on, fails with an {@code ApiException} 429 or 503 otherwise.
   */
  public Mono<Void> admit(ServerWebExchange exchange, String group, String appId) {
    // Each group has its own bucket per app: the key names both.
    return rateLimiter.isAllowed(limiterId(group), group + ":" + appId)
        .flatMap(answer -> {
          if (redisFailed(answer)) {
            return Mono.error(ApiException.storeUnavailable());
          }
          HttpHeaders headers = exchange.getResponse().getHeaders();
          answer.getHeaders().forEach(headers::set);
          if (!answer.isAllowed()) {
            return Mono.error(new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "请求过于频繁，请稍后重试。", RETRY_AFTER));
          }
          return Mono.empty();
        });
  }

  private static String limiterId(String group) {
    return "wechat-app-rate-limit-" + group;
  }

  // RedisRateLimiter lets a call through when Redis fails, and marks that answer with -1 tokens remaining (a
  // count the bucket itself never reaches). The contract wants 503 then, not an unlimited pass.
  private boolean redisFailed(RateLimiter.Response answer) {
    Map<String, String> headers = answer.getHeaders();
    return answer.isAllowed() && "-1".equals(headers.get(rateLimiter.getRemainingHeader()));
  }
}
