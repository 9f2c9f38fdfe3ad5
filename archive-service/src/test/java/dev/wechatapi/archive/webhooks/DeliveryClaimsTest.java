package dev.wechatapi.archive.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.store.Utc;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Claims as several replicas make them at once. The rows are due an hour from now and claimed "two hours from now",
 * so this context's own worker, which claims at the real time, leaves them alone.
 */
class DeliveryClaimsTest extends ArchiveServiceTest {

    @Autowired
    DeliveryStore deliveries;

    @Test
    void concurrentClaimsNeverTakeTheSameDeliveryAndTogetherTakeThemAll() {
        String appId = newAppId();
        LocalDateTime due = Utc.now().plusHours(1);
        insert(appId, 1, 60, due);

        LocalDateTime later = due.plusHours(1);
        List<Long> claimed = Flux.range(0, 12)
                .flatMap(replica -> deliveries.claim(appId, 7, UUID.randomUUID().toString(), later,
                                later.plusMinutes(1))
                        .subscribeOn(Schedulers.parallel()), 12)
                .map(Delivery::id)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(claimed).hasSize(60).doesNotHaveDuplicates();
        // Claimed rows are no longer due until their lease ends.
        assertThat(deliveries.claim(appId, 10, UUID.randomUUID().toString(), later, later.plusMinutes(1))
                .collectList().block()).isEmpty();
        assertThat(deliveries.claim(appId, 100, UUID.randomUUID().toString(), later.plusMinutes(2),
                later.plusMinutes(3)).collectList().block()).hasSize(60);
    }

    @Test
    void aClaimTakesOnlyItsAppsRowsOldestDueFirstAndAtMostItsLimit() {
        String appId = newAppId();
        String otherApp = newAppId();
        LocalDateTime due = Utc.now().plusHours(1);
        insert(otherApp, 1, 5, due.minusMinutes(10));
        insert(appId, 101, 3, due.plusMinutes(1));
        insert(appId, 1, 3, due);

        List<Delivery> claimed = deliveries.claim(appId, 4, UUID.randomUUID().toString(), due.plusHours(1),
                due.plusHours(2)).collectList().block();

        assertThat(claimed).hasSize(4).allSatisfy(delivery -> assertThat(delivery.appId()).isEqualTo(appId));
        assertThat(claimed).extracting(Delivery::msgId).containsExactlyInAnyOrder(1L, 2L, 3L, 101L);
    }

    private void insert(String appId, long first, int count, LocalDateTime due) {
        List<@Nullable Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {appId, first + i, "RECEIVED", "wechat.message.received.v1", "retrying", 0, due,
                    Utc.now()});
        }
        assertThat(deliveries.insert(rows).block()).isEqualTo(count);
    }
}
