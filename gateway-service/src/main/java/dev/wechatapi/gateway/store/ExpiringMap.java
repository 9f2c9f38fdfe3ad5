package dev.wechatapi.gateway.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A concurrent map whose entries each live for their own time, as Redis keys with a TTL do; expired entries are
 * invisible at once and evicted soon after. The in-memory store's building block.
 *
 * <pre>map.put("token:abc", appId, Duration.ofHours(2)); map.get("token:abc") // appId, until it expires</pre>
 */
public final class ExpiringMap<V> {

  private final Ticker ticker;
  private final Cache<String, Timed<V>> entries;

  public ExpiringMap() {
    this(Ticker.systemTicker());
  }

  /** With a ticker of the test's own (nanoseconds). */
  public ExpiringMap(Ticker ticker) {
    this.ticker = ticker;
    this.entries = Caffeine.newBuilder().ticker(ticker).expireAfter(new UntilDeadline<V>()).build();
  }

  public void put(String key, V value, Duration lifetime) {
    entries.put(key, new Timed<>(value, deadline(lifetime)));
  }

  /** Stores the value unless a live one is there; answers whether it was stored. */
  public boolean putIfAbsent(String key, V value, Duration lifetime) {
    return entries.asMap().putIfAbsent(key, new Timed<>(value, deadline(lifetime))) == null;
  }

  public Optional<V> get(String key) {
    return Optional.ofNullable(entries.getIfPresent(key)).map(Timed::value);
  }

  /** Removes the entry; answers the value it held, if it was live. */
  public Optional<V> remove(String key) {
    return Optional.ofNullable(entries.asMap().remove(key)).map(Timed::value);
  }

  /** Replaces the live value of the key (keeping its deadline); does nothing when there is none. */
  public void update(String key, UnaryOperator<V> change) {
    entries.asMap().computeIfPresent(key, (k, timed) -> new Timed<>(change.apply(timed.value()), timed.deadline()));
  }

  /** Makes the live entry expire within {@code lifetime} at the latest; a sooner deadline is kept. */
  public void expireWithin(String key, Duration lifetime) {
    long latest = deadline(lifetime);
    entries.asMap().computeIfPresent(key, (k, timed) -> timed.deadline() > latest
        ? new Timed<>(timed.value(), latest) : timed);
  }

  /** How many entries are held, the expired ones not yet evicted included. */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  private long deadline(Duration lifetime) {
    return ticker.read() + lifetime.toNanos();
  }

  private record Timed<V>(V value, long deadline) {}

  private static final class UntilDeadline<V> implements Expiry<String, Timed<V>> {

    @Override
    public long expireAfterCreate(String key, Timed<V> timed, long now) {
      return Math.max(0, timed.deadline() - now);
    }

    @Override
    public long expireAfterUpdate(String key, Timed<V> timed, long now, long remaining) {
      return Math.max(0, timed.deadline() - now);
    }

    @Override
    public long expireAfterRead(String key, Timed<V> timed, long now, long remaining) {
      return remaining;
    }
  }
}
