package dev.wechatapi.gateway.store;

import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link SharedValues} as Redis strings with a TTL. */
@Component
@RedisStore
class RedisSharedValues implements SharedValues {

  private final ReactiveStringRedisTemplate redis;

  RedisSharedValues(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  public Mono<Void> put(String key, String value, Duration lifetime) {
    return redis.opsForValue().set(key, value, lifetime).then();
  }

  @Override
  public Mono<Boolean> putIfAbsent(String key, String value, Duration lifetime) {
    return redis.opsForValue().setIfAbsent(key, value, lifetime);
  }

  @Override
  public Mono<String> get(String key) {
    return redis.opsForValue().get(key);
  }
}
