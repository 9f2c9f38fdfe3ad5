package dev.wechatapi.gateway.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With {@code wechat.gateway.store=memory}, leaves Redis out entirely: no Redis client, no rate-limit script, no
 * Redis health check (which would report the gateway down for a Redis it does not use).
 */
public final class MemoryStoreEnvironment implements EnvironmentPostProcessor {

  /** The auto-configurations that would connect to Redis. */
  public static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
      "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
      "org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration");

  private static final String EXCLUDE = "spring.autoconfigure.exclude";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!"memory".equalsIgnoreCase(environment.getProperty(StoreKind.PROPERTY, "redis").trim())) {
      return;
    }
    Set<String> excluded = new LinkedHashSet<>(
        StringUtils.commaDelimitedListToSet(environment.getProperty(EXCLUDE, "")));
    excluded.addAll(REDIS_AUTO_CONFIGURATIONS);
    excluded.remove("");
    environment.getPropertySources().addFirst(new MapPropertySource("wechatGatewayMemoryStore",
        Map.of(EXCLUDE, String.join(",", excluded))));
  }
}
