package dev.wechatapi.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringMapTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final ExpiringMap<String> map = new ExpiringMap<>(nanos::get);

  @Test
  void anEntryLivesForItsOwnLifetime() {
    map.put("short", "a", Duration.ofSeconds(1));
    map.put("long", "b", Duration.ofSeconds(10));

    later(Duration.ofMillis(999));
    assertThat(map.get("short")).contains("a");

    later(Duration.ofMillis(1));
    assertThat(map.get("short")).isEmpty();
    assertThat(map.get("long")).contains("b");
  }

  @Test
  void putIfAbsentStoresOnlyOverNothingOrAnExpiredEntry() {
    assertThat(map.putIfAbsent("nonce", "1", Duration.ofSeconds(5))).isTrue();
    assertThat(map.putIfAbsent("nonce", "2", Duration.ofSeconds(5))).isFalse();

    later(Duration.ofSeconds(5));

    assertThat(map.putIfAbsent("nonce", "3", Duration.ofSeconds(5))).isTrue();
    assertThat(map.get("nonce")).contains("3");
  }

  @Test
  void expireWithinOnlyEverShortensTheLifetime() {
    map.put("token", "app", Duration.ofSeconds(100));
    map.put("soon", "app", Duration.ofSeconds(1));

    map.expireWithin("token", Duration.ofSeconds(5));
    map.expireWithin("soon", Duration.ofSeconds(5));
    map.expireWithin("absent", Duration.ofSeconds(5));

    later(Duration.ofSeconds(2));
    assertThat(map.get("soon")).isEmpty();
    assertThat(map.get("token")).contains("app");
    later(Duration.ofSeconds(3));
    assertThat(map.get("token")).isEmpty();
    assertThat(map.get("absent")).isEmpty();
  }

  @Test
  void removeAnswersTheLiveValueAndExpiredEntriesAreEvicted() {
    map.put("a", "1", Duration.ofSeconds(1));
    assertThat(map.remove("a")).contains("1");
    assertThat(map.remove("a")).isEmpty();

    for (int i = 0; i < 100; i++) {
      map.put("k" + i, "v", Duration.ofSeconds(1));
    }
    later(Duration.ofSeconds(2));
    assertThat(map.size()).isZero();
  }

  private void later(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
