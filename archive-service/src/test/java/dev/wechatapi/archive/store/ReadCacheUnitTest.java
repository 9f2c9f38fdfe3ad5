package dev.wechatapi.archive.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.archive.ArchiveProperties;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** What {@link ReadCache} reads again and what it answers from memory, without a database. */
class ReadCacheUnitTest {

    private final ReadCache cache = new ReadCache(new ArchiveProperties(ZoneId.of("Asia/Shanghai"), "/media",
            Duration.ofHours(1), Duration.ofSeconds(10), DataSize.ofMegabytes(64)));
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void theSameKeyIsReadOnceAndANewVersionOrAnotherAppIsReadAgain() {
        ReadCache.Key key = key("app1", 1);

        StepVerifier.create(cache.rows(key, this::rows)).expectNext(List.of("r1")).verifyComplete();
        StepVerifier.create(cache.rows(key, this::rows)).expectNext(List.of("r1")).verifyComplete();
        StepVerifier.create(cache.rows(key("app1", 2), this::rows)).expectNext(List.of("r2")).verifyComplete();
        StepVerifier.create(cache.rows(key("app2", 1), this::rows)).expectNext(List.of("r3")).verifyComplete();

        assertThat(reads).hasValue(3);
    }

    @Test
    void aFailedReadIsNotKeptAndItsErrorReachesTheCaller() {
        ReadCache.Key key = key("app1", 7);
        IllegalStateException down = new IllegalStateException("database down");

        StepVerifier.create(cache.rows(key, () -> Flux.<String>error(down))).verifyErrorSatisfies(error ->
                assertThat(error).isSameAs(down));
        StepVerifier.create(cache.rows(key, this::rows)).expectNext(List.of("r1")).verifyComplete();
    }

    private Flux<String> rows() {
        return Flux.defer(() -> Flux.just("r" + reads.incrementAndGet()));
    }

    private static ReadCache.Key key(String appId, long version) {
        return new ReadCache.Key(appId, version, "SELECT puid FROM contacts WHERE app_id = :p0",
                Map.of("p0", appId));
    }
}
