package dev.wechatapi.gateway.store;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Short-lived string values every gateway replica sees: used nonces, QR code owners.
 *
 * <pre>values.putIfAbsent("nonce:" + n, timestamp, Duration.ofMinutes(10)) // false: already used</pre>
 */
public interface SharedValues {

  /** Stores the value for {@code lifetime}, replacing any other. */
  Mono<Void> put(String key, String value, Duration lifetime);

  /** Stores the value for {@code lifetime} unless the key holds one; answers whether it was stored. */
  Mono<Boolean> putIfAbsent(String key, String value, Duration lifetime);

  /** The live value of the key; empty when there is none or it expired. */
  Mono<String> get(String key);
}
