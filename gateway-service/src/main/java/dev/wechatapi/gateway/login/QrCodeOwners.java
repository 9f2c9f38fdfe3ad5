package dev.wechatapi.gateway.login;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.store.SharedValues;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which app started the QR login of a uuid, remembered in the shared store (Redis: on every replica) for as long as its signed
 * link lives: only that app's credential opens {@code /qrcode/<uuid>}.
 *
 * <pre>owners.remember(uuid, appId); owners.isOwner(uuid, appId) // true for that app only</pre>
 */
@Component
class QrCodeOwners {

  static final String OWNER_KEY = "wechat:gateway:qr-owner:";

  private final SharedValues values;
  private final Duration lifetime;

  QrCodeOwners(SharedValues values, WechatGatewayProperties properties) {
    this.values = values;
    this.lifetime = properties.qrLinkLifetime();
  }

  Mono<Void> remember(String uuid, String appId) {
    return values.put(OWNER_KEY + uuid, appId, lifetime);
  }

  Mono<Boolean> isOwner(String uuid, String appId) {
    return values.get(OWNER_KEY + uuid).map(appId::equals).defaultIfEmpty(false);
  }
}
