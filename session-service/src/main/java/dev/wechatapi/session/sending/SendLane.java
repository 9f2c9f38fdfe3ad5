package dev.wechatapi.session.sending;

import dev.wechatapi.session.Backoff;
import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.VirtualThreads;
import dev.wechatapi.session.web.ApiException;
import dev.wechatapi.wechat.WeChatException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The sends of one account, one at a time and in the order they came: each waits for a token of the account's
 * bucket, at most {@code queueSize} wait, and when WeChat says "too often" the account stops sending for a pause
 * that doubles while WeChat keeps saying it. A drainer virtual thread runs only while sends are waiting.
 */
final class SendLane {

    /** A send waiting for its turn, and the request that waits for its outcome. */
    private static final class Pending<T> {

        private final Callable<T> send;
        private final MonoSink<T> sink;
        private volatile boolean cancelled;

        Pending(Callable<T> send, MonoSink<T> sink) {
            this.send = send;
            this.sink = sink;
            // A client that gave up must not have its message sent behind its back.
            sink.onCancel(() -> cancelled = true);
        }

        void run(SendLane lane) {
            try {
                T sent = send.call();
                lane.sent();
                sink.success(sent);
            } catch (WeChatException.RateLimited tooOften) {
                // Not sent; neither will the sends behind it be until the pause is over.
                ApiException refusal = lane.pause();
                lane.refuseWaiting(refusal);
                sink.error(refusal);
            } catch (Exception failure) {
                sink.error(failure);
            }
        }

        void refuse(ApiException refusal) {
            sink.error(refusal);
        }
    }

    private final String appId;
    private final SessionProperties.Send config;
    private final VirtualThreads threads;
    private final LongSupplier nanoTime;
    private final TokenBucket bucket;
    private final Backoff pauses;
    private final Queue<Pending<?>> waiting = new ArrayDeque<>();
    private boolean draining;
    private long pausedUntil;

    SendLane(String appId, SessionProperties.Send config, VirtualThreads threads, LongSupplier nanoTime) {
        this.appId = appId;
        this.config = config;
        this.threads = threads;
        this.nanoTime = nanoTime;
        this.bucket = new TokenBucket(config.rate(), config.burst(), nanoTime);
        this.pauses = new Backoff(config.pauseInitial(), config.pauseMax());
        this.pausedUntil = nanoTime.getAsLong();
    }

    /** Runs {@code send} when its turn comes; refused at once with 429 when the queue is full or sending paused. */
    <T> Mono<T> submit(Callable<T> send) {
        return Mono.create(sink -> offer(new Pending<>(send, sink)));
    }

    private void offer(Pending<?> pending) {
        ApiException refusal = enqueue(pending);
        if (refusal != null) {
            pending.refuse(refusal);
        }
    }

    /** Puts a send in the queue, or says why not. */
    private synchronized ApiException enqueue(Pending<?> pending) {
        long pause = pausedUntil - nanoTime.getAsLong();
        if (pause > 0) {
            return tooOften(Duration.ofNanos(pause));
        }
        if (waiting.size() >= config.queueSize()) {
            // A place frees up with the next token.
            return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "发送队列已满, 请稍后再试",
                    Duration.ofMillis((long) Math.ceil(1000 / config.rate())));
        }
        waiting.add(pending);
        if (!draining) {
            draining = true;
            threads.start("send-" + appId, this::drain);
        }
        return null;
    }

    private void drain() {
        Pending<?> next = null;
        try {
            while ((next = nextWaiting()) != null) {
                Thread.sleep(bucket.take());
                if (!next.cancelled) {
                    next.run(this);
                }
            }
        } catch (InterruptedException e) {
            // Only the service shutting down interrupts the drainer; nothing still waiting was sent.
            ApiException stopping = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "shutting_down",
                    "服务正在停止, 请稍后再试", Duration.ofSeconds(1));
            next.refuse(stopping);
            refuseWaiting(stopping);
            Thread.currentThread().interrupt();
        } finally {
            // Normally nextWaiting() already said so; after an interruption or an Error the next send starts anew.
            synchronized (this) {
                if (next != null) {
                    draining = false;
                }
            }
        }
    }

    private synchronized Pending<?> nextWaiting() {
        Pending<?> next = waiting.poll();
        while (next != null && next.cancelled) {
            next = waiting.poll();
        }
        if (next == null) {
            draining = false;
        }
        return next;
    }

    private synchronized void sent() {
        pauses.reset();
    }

    private synchronized ApiException pause() {
        Duration pause = pauses.next();
        pausedUntil = nanoTime.getAsLong() + pause.toNanos();
        return tooOften(pause);
    }

    private void refuseWaiting(ApiException refusal) {
        List<Pending<?>> refused;
        synchronized (this) {
            refused = List.copyOf(waiting);
            waiting.clear();
        }
        refused.forEach(p -> p.refuse(refusal));
    }

    private static ApiException tooOften(Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "操作过于频繁, 请稍后再试", retryAfter);
    }
}
