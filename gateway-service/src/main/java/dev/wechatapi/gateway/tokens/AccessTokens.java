package dev.wechatapi.gateway.tokens;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.apps.AppIds;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Issues and resolves access tokens, kept in Redis under two keys: {@code token:<token>} holds the app id (its
 * TTL is the token's lifetime) and {@code app-token:<app_id>} names the app's current token, so that issuing a
 * new one can retire the previous one.
 *
 * <pre>accessTokens.issue(appId).map(AccessToken::accessToken); accessTokens.resolve(token) // app id</pre>
 */
@Component
public class AccessTokens {

  static final String TOKEN_KEY = "wechat:gateway:token:";
  static final String CURRENT_KEY = "wechat:gateway:app-token:";

  /** Longer than any token we issue; anything longer is refused without asking Redis. */
  private static final int MAX_TOKEN_LENGTH = 128;

  private final ReactiveStringRedisTemplate redis;
  private final Duration lifetime;
  private final Duration grace;

  AccessTokens(ReactiveStringRedisTemplate redis, WechatGatewayProperties properties) {
    this.redis = redis;
    this.lifetime = properties.tokenLifetime();
    this.grace = properties.tokenGrace();
  }

  /** A new token for the app; its previous token stops working after the grace period. */
  public Mono<AccessToken> issue(String appId) {
    String token = AppIds.randomUrlSafe(32);
    return redis.opsForValue().set(TOKEN_KEY + token, appId, lifetime)
        .then(redis.opsForValue().getAndSet(CURRENT_KEY + appId, token))
        .flatMap(this::retire)
        .then(redis.expire(CURRENT_KEY + appId, lifetime))
        .thenReturn(new AccessToken(token, lifetime.toSeconds()));
  }

  /** The app id the token was issued to; empty if it is unknown, expired or retired. */
  public Mono<String> resolve(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Mono.empty();
    }
    return redis.opsForValue().get(TOKEN_KEY + token);
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
