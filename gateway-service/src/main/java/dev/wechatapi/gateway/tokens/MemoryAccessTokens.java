package dev.wechatapi.gateway.tokens;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.apps.AppIds;
import dev.wechatapi.gateway.store.ExpiringMap;
import dev.wechatapi.gateway.store.MemoryStore;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link AccessTokens} in this process's memory, for one gateway without Redis: the same lifetimes, grace and
 * revocation as in Redis, but tokens do not survive a restart and other gateway processes do not know them.
 */
@Component
@MemoryStore
class MemoryAccessTokens implements AccessTokens {

  private final ExpiringMap<String> appOfToken = new ExpiringMap<>();
  private final ExpiringMap<String> currentToken = new ExpiringMap<>();
  // The app's tokens that may still be alive, for revokeAll; pruned of expired ones at each issue.
  private final ConcurrentHashMap<String, Set<String>> issued = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Duration grace;

  MemoryAccessTokens(WechatGatewayProperties properties) {
    this.lifetime = properties.tokenLifetime();
    this.grace = properties.tokenGrace();
  }

  @Override
  public Mono<AccessToken> issue(String appId) {
    return Mono.fromSupplier(() -> {
      String token = AppIds.randomUrlSafe(32);
      issued.compute(appId, (app, tokens) -> {
        Set<String> alive = tokens == null ? ConcurrentHashMap.newKeySet() : tokens;
        alive.removeIf(known -> appOfToken.get(known).isEmpty());
        alive.add(token);
        return alive;
      });
      appOfToken.put(token, appId, lifetime);
      currentToken.get(appId).ifPresent(this::retire);
      currentToken.put(appId, token, lifetime);
      return new AccessToken(token, lifetime.toSeconds());
    });
  }

  @Override
  public Mono<String> resolve(String token) {
    return AccessTokens.plausible(token) ? Mono.justOrEmpty(appOfToken.get(token)) : Mono.empty();
  }

  @Override
  public Mono<Long> revokeAll(String appId) {
    return Mono.fromSupplier(() -> {
      Set<String> tokens = issued.remove(appId);
      currentToken.remove(appId);
      if (tokens == null) {
        return 0L;
      }
      tokens.forEach(appOfToken::remove);
      return (long) tokens.size();
    });
  }

  @Override
  public Mono<Void> revoke(String token) {
    return Mono.fromRunnable(() -> appOfToken.remove(token));
  }

  private void retire(String previousToken) {
    if (grace.isZero()) {
      appOfToken.remove(previousToken);
    } else {
      appOfToken.expireWithin(previousToken, grace);
    }
  }
}
