package dev.wechatapi.gateway.store;

import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link SharedValues} in this process's memory: shared by nothing but this gateway. */
@Component
@MemoryStore
class MemorySharedValues implements SharedValues {

  private final ExpiringMap<String> values = new ExpiringMap<>();

  @Override
  public Mono<Void> put(String key, String value, Duration lifetime) {
    return Mono.fromRunnable(() -> values.put(key, value, lifetime));
  }

  @Override
  public Mono<Boolean> putIfAbsent(String key, String value, Duration lifetime) {
    return Mono.fromSupplier(() -> values.putIfAbsent(key, value, lifetime));
  }

  @Override
  public Mono<String> get(String key) {
    return Mono.justOrEmpty(values.get(key));
  }
}
