package dev.wechatapi.archive.webhooks;

import dev.wechatapi.archive.store.Utc;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Attempts due deliveries, on every replica that runs it, without ever blocking a thread. A round finds the apps
 * with due deliveries and, taking them in turn (starting one further each round), claims for each at most what
 * its free slots allow: {@code per-app-concurrency} in flight per app and {@code concurrency} in all. A slow or dead
 * endpoint therefore holds at most its own app's slots, and an app's backlog never delays another app's deliveries.
 *
 * <p>Rounds run every {@code poll-interval}, when new deliveries are queued on this replica, and when an attempt
 * ends (a slot is free), one at a time.
 */
@Component
final class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore deliveries;
    private final DeliveryAttempts attempts;
    private final WebhookProperties properties;

    private final Map<String, AtomicInteger> inFlightByApp = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean roundRunning = new AtomicBoolean();
    private final AtomicBoolean roundWanted = new AtomicBoolean();
    private final AtomicLong rounds = new AtomicLong();
    private volatile @Nullable Disposable polling;

    DeliveryWorker(DeliveryStore deliveries, DeliveryAttempts attempts, WebhookProperties properties) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (properties.deliveryEnabled()) {
            polling = Flux.interval(properties.pollInterval()).subscribe(tick -> wakeUp());
        }
    }

    @Override
    public void stop() {
        Disposable running = polling;
        polling = null;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }

    /** Asks for a round soon; a round already running is followed by one more. */
    void wakeUp() {
        if (polling == null) {
            return;
        }
        roundWanted.set(true);
        if (roundRunning.compareAndSet(false, true)) {
            roundWanted.set(false);
            round().onErrorResume(failure -> {
                        log.warn("Webhook delivery round failed: {}", failure.toString());
                        return Mono.empty();
                    })
                    .doFinally(signal -> {
                        roundRunning.set(false);
                        if (roundWanted.get()) {
                            wakeUp();
                        }
                    })
                    .subscribe();
        }
    }

    private Mono<Void> round() {
        if (inFlight.get() >= properties.concurrency()) {
            return Mono.empty();
        }
        LocalDateTime now = Utc.now();
        return deliveries.appsWithDueDeliveries(now)
                .collectList()
                .flatMapMany(apps -> Flux.fromIterable(inTurn(apps)))
                .concatMap(appId -> claim(appId, now))
                .then();
    }

    // The apps in a stable order, rotated by one each round, so none is always served last when slots run out.
    private List<String> inTurn(List<String> apps) {
        List<String> ordered = new ArrayList<>(apps);
        Collections.sort(ordered);
        if (!ordered.isEmpty()) {
            Collections.rotate(ordered, -(int) (rounds.getAndIncrement() % ordered.size()));
        }
        return ordered;
    }

    private Mono<Void> claim(String appId, LocalDateTime now) {
        AtomicInteger ofApp = inFlightByApp.computeIfAbsent(appId, id -> new AtomicInteger());
        int slots = Math.min(properties.perAppConcurrency() - ofApp.get(), properties.concurrency() - inFlight.get());
        if (slots <= 0) {
            return Mono.empty();
        }
        // Reserved before the claim, so attempts ending meanwhile cannot make room twice.
        ofApp.addAndGet(slots);
        inFlight.addAndGet(slots);
        String token = UUID.randomUUID().toString();
        return deliveries.claim(appId, slots, token, now, now.plus(properties.lease()))
                .collectList()
                .doOnError(failure -> release(appId, slots))
                .doOnNext(claimed -> {
                    release(appId, slots - claimed.size());
                    claimed.forEach(delivery -> start(delivery, token));
                })
                .then();
    }

    private void start(Delivery delivery, String token) {
        attempts.attempt(delivery, token)
                .onErrorResume(failure -> {
                    // Typically the database: the claim's lease ends and the delivery is attempted again.
                    log.warn("Webhook delivery {} could not be attempted: {}", delivery.id(), failure.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    release(delivery.appId(), 1);
                    wakeUp();
                })
                .subscribe();
    }

    private void release(String appId, int slots) {
        if (slots > 0) {
            inFlightByApp.get(appId).addAndGet(-slots);
            inFlight.addAndGet(-slots);
        }
    }
}
