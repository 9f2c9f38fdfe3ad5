package dev.wechatapi.gateway.ratelimit;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.WechatGatewayProperties.RateLimit;
import dev.wechatapi.gateway.errors.ApiException;
import dev.wechatapi.gateway.store.RedisStore;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link RateBuckets} as Spring Cloud Gateway's {@link RedisRateLimiter} (a token bucket script in Redis). */
@Component
@RedisStore
class RedisRateBuckets implements RateBuckets {

  private final RedisRateLimiter rateLimiter;

  RedisRateBuckets(RedisRateLimiter rateLimiter, WechatGatewayProperties properties) {
    this.rateLimiter = rateLimiter;
    for (String group : WechatGatewayProperties.RateLimits.GROUPS) {
      RateLimit rate = properties.rateLimits().of(group);
      rateLimiter.getConfig().put(limiterId(group), new RedisRateLimiter.Config()
          .setReplenishRate(rate.replenishRate()).setBurstCapacity(rate.burstCapacity()).setRequestedTokens(1));
    }
  }

  @Override
  public Mono<Take> take(String group, String key) {
    return rateLimiter.isAllowed(limiterId(group), key).flatMap(answer -> redisFailed(answer)
        ? Mono.error(ApiException.storeUnavailable())
        : Mono.just(new Take(answer.isAllowed(), answer.getHeaders())));
  }

  private static String limiterId(String group) {
    return "wechat-app-rate-limit-" + group;
  }

  // RedisRateLimiter lets a call through when Redis fails, and marks that answer with -1 tokens remaining (a
  // count the bucket itself never reaches). The contract wants 503 then, not an unlimited pass.
  private boolean redisFailed(RateLimiter.Response answer) {
    return answer.isAllowed() && "-1".equals(answer.getHeaders().get(rateLimiter.getRemainingHeader()));
  }
}
