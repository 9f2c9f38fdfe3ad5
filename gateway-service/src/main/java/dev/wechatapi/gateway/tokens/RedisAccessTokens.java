package dev.wechatapi.gateway.tokens;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.apps.AppIds;
import dev.wechatapi.gateway.store.RedisStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link AccessTokens} kept in Redis, so every gateway replica sees them: {@code token:<token>} holds the app id (its
 * TTL is the token's lifetime), {@code app-token:<app_id>} names the app's current token, so that issuing a new one
 * can retire the previous one, and {@code app-tokens:<app_id>} is the set of the app's tokens that may still be alive
 * (scored by expiry), so that rotating the app's secret can revoke all of them ({@link TokenRevocation}).
 */
@Component
@RedisStore
class RedisAccessTokens implements AccessTokens {

  static final String TOKEN_KEY = "wechat:gateway:token:";
  static final String CURRENT_KEY = "wechat:gateway:app-token:";
  static final String ISSUED_KEY = "wechat:gateway:app-tokens:";

  private final ReactiveStringRedisTemplate redis;
  private final Duration lifetime;
  private final Duration grace;
  private final Clock clock;

  RedisAccessTokens(ReactiveStringRedisTemplate redis, WechatGatewayProperties properties) {
    this.redis = redis;
    this.lifetime = properties.tokenLifetime();
    this.grace = properties.tokenGrace();
    this.clock = Clock.systemUTC();
  }

  @Override
  public Mono<AccessToken> issue(String appId) {
    String token = AppIds.randomUrlSafe(32);
    String issued = ISSUED_KEY + appId;
    long now = clock.millis();
    // Listed before it exists, so that a revocation running meanwhile cannot miss it.
    return redis.opsForZSet().add(issued, token, now + lifetime.toMillis())
        .then(redis.opsForZSet().removeRangeByScore(issued, Range.closed(0.0, (double) now)))
        .then(redis.expire(issued, lifetime))
        .then(redis.opsForValue().set(TOKEN_KEY + token, appId, lifetime))
        .then(redis.opsForValue().getAndSet(CURRENT_KEY + appId, token))
        .flatMap(this::retire)
        .then(redis.expire(CURRENT_KEY + appId, lifetime))
        .thenReturn(new AccessToken(token, lifetime.toSeconds()));
  }

  @Override
  public Mono<String> resolve(String token) {
    if (!AccessTokens.plausible(token)) {
      return Mono.empty();
    }
    return redis.opsForValue().get(TOKEN_KEY + token);
  }

  @Override
  public Mono<Long> revokeAll(String appId) {
    return redis.execute(TokenRevocation.SCRIPT, TokenRevocation.keys(appId), TokenRevocation.arguments())
        .next()
        .defaultIfEmpty(0L);
  }

  @Override
  public Mono<Void> revoke(String token) {
    return redis.delete(TOKEN_KEY + token).then();
  }

  // Clients that refresh their token while requests with the old one are in flight would otherwise see
  // random 401s; a grace of zero reproduces the original's immediate invalidation.
  private Mono<Boolean> retire(String previousToken) {
    String key = TOKEN_KEY + previousToken;
    if (grace.isZero()) {
      return redis.delete(key).map(deleted -> deleted > 0);
    }
    return redis.getExpire(key)
        .filter(remaining -> remaining.compareTo(grace) > 0)
        .flatMap(remaining -> redis.expire(key, grace))
        .defaultIfEmpty(false);
  }
}
