package dev.wechatapi.gateway.ratelimit;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.WechatGatewayProperties.RateLimit;
import dev.wechatapi.gateway.errors.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Route filter {@code AppRateLimit=<group>}: Spring Cloud Gateway's {@link RedisRateLimiter} (a token bucket in
 * Redis) per app and route group, with the rates of {@code wechat.gateway.rate-limits.<group>}.
 *
 * <p>It replaces the stock {@code RequestRateLimiter} filter for two answers the contract needs: a refused call
 * gets 429 in the contract's shape with {@code Retry-After} (the stock filter answers an empty body), and when
 * Redis cannot be asked the call gets 503 {@code store_unavailable} instead of passing unlimited.
 */
@Component
class AppRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<AppRateLimitGatewayFilterFactory.Config> {

  private final RedisRateLimiter rateLimiter;
  private final KeyResolver apps;
  private final WechatGatewayProperties.RateLimits rates;

  AppRateLimitGatewayFilterFactory(RedisRateLimiter rateLimiter, KeyResolver apps,
      WechatGatewayProperties properties) {
    super(Config.class);
    this.rateLimiter = rateLimiter;
    this.apps = apps;
    this.rates = properties.rateLimits();
  }

  /** @param group the route group whose rates apply ({@code session}, {@code archive}) */
  public static final class Config {

    private String group = "";

    public String getGroup() {
      return group;
    }

    public void setGroup(String group) {
      this.group = group;
    }
  }

  @Override
  public List<String> shortcutFieldOrder() {
    return List.of("group");
  }

  @Override
  public GatewayFilter apply(Config config) {
    RateLimit rate = rates.of(config.getGroup());
    String limiterId = "wechat-app-rate-limit-" + config.getGroup();
    rateLimiter.getConfig().put(limiterId, new RedisRateLimiter.Config()
        .setReplenishRate(rate.replenishRate()).setBurstCapacity(rate.burstCapacity()).setRequestedTokens(1));
    // One token refills in 1/replenishRate seconds; Retry-After counts in whole seconds.
    Duration retryAfter = Duration.ofSeconds(1);
    GatewayFilter filter = (exchange, chain) -> apps.resolve(exchange)
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("AppRateLimit runs after authentication")))
        // Each group has its own bucket per app: the key names both.
        .flatMap(appId -> rateLimiter.isAllowed(limiterId, config.getGroup() + ":" + appId))
        .flatMap(answer -> {
          if (redisFailed(answer)) {
            return Mono.error(ApiException.storeUnavailable());
          }
          HttpHeaders headers = exchange.getResponse().getHeaders();
          answer.getHeaders().forEach(headers::set);
          if (!answer.isAllowed()) {
            return Mono.error(new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "请求过于频繁，请稍后重试。", retryAfter));
          }
          return chain.filter(exchange);
        });
    // Right after authentication (which leaves the app id), before anything that reads or forwards the body.
    return new OrderedGatewayFilter(filter, Ordered.HIGHEST_PRECEDENCE + 200);
  }

  // RedisRateLimiter lets a call through when Redis fails, and marks that answer with -1 tokens remaining (a
  // count the bucket itself never reaches). The contract wants 503 then, not an unlimited pass.
  private boolean redisFailed(RateLimiter.Response answer) {
    Map<String, String> headers = answer.getHeaders();
    return answer.isAllowed() && "-1".equals(headers.get(rateLimiter.getRemainingHeader()));
  }
}
