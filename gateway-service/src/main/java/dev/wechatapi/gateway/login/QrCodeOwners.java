package dev.wechatapi.gateway.login;

import dev.wechatapi.gateway.WechatGatewayProperties;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which app started the QR login of a uuid, remembered in Redis (so on every replica) for as long as its signed
 * link lives: only that app's credential opens {@code /qrcode/<uuid>}.
 *
 * <pre>owners.remember(uuid, appId); owners.isOwner(uuid, appId) // true for that app only</pre>
 */
@Component
class QrCodeOwners {

  static final String OWNER_KEY = "wechat:gateway:qr-owner:";

  private final ReactiveStringRedisTemplate redis;
  private final Duration lifetime;

  QrCodeOwners(ReactiveStringRedisTemplate redis, WechatGatewayProperties properties) {
    this.redis = redis;
    this.lifetime = properties.qrLinkLifetime();
  }

  Mono<Void> remember(String uuid, String appId) {
    return redis.opsForValue().set(OWNER_KEY + uuid, appId, lifetime).then();
  }

  Mono<Boolean> isOwner(String uuid, String appId) {
    return redis.opsForValue().get(OWNER_KEY + uuid).map(appId::equals).defaultIfEmpty(false);
  }
}
