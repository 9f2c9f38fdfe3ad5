package dev.wechatapi.handlers.internal;

import dev.wechatapi.handlers.FailureListener;
import dev.wechatapi.handlers.HandlerFailure;
import dev.wechatapi.handlers.IncomingMessage;
import dev.wechatapi.handlers.MessageHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one message to every handler, each on its own virtual thread so that a handler waiting between retries
 * does not hold the others back, and returns once all of them are finished with it. A handler is finished when
 * it returned, or when it threw on every attempt (then the failure is logged and reported).
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** Whether the message may be committed. */
    public enum Outcome {
        /** Every handler returned or gave up: the message is done. */
        FINISHED,
        /** The runner is stopping and some handler still had attempts left: deliver the message again later. */
        ABANDONED
    }

    private final List<MessageHandler> handlers;
    private final RetryPolicy retries;
    private final FailureListener failures;
    private final StopSignal stop;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public Dispatcher(List<MessageHandler> handlers, RetryPolicy retries, FailureListener failures, StopSignal stop) {
        this.handlers = List.copyOf(handlers);
        this.retries = retries;
        this.failures = failures;
        this.stop = stop;
    }

    public Outcome deliver(IncomingMessage message) {
        if (handlers.size() == 1) {
            return deliver(handlers.getFirst(), message);
        }
        List<Future<Outcome>> running = new ArrayList<>(handlers.size());
        for (MessageHandler handler : handlers) {
            running.add(threads.submit(() -> deliver(handler, message)));
        }
        Outcome outcome = Outcome.FINISHED;
        for (Future<Outcome> handler : running) {
            if (await(handler) == Outcome.ABANDONED) {
                outcome = Outcome.ABANDONED;
            }
        }
        return outcome;
    }

    private Outcome deliver(MessageHandler handler, IncomingMessage message) {
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handle(message);
                return Outcome.FINISHED;
            } catch (Exception e) {
                if (attempt >= retries.maxAttempts()) {
                    giveUp(new HandlerFailure(handler, message, attempt, e));
                    return Outcome.FINISHED;
                }
                log.warn("{} failed on {} (attempt {} of {}), trying again: {}", handler.name(), message.uniqueId(),
                        attempt, retries.maxAttempts(), e.toString());
                if (!stop.pause(retries.backoffAfter(attempt))) {
                    return Outcome.ABANDONED;
                }
            }
        }
    }

    private void giveUp(HandlerFailure failure) {
        log.error("{} gave up on {} after {} attempts", failure.handler().name(), failure.message().uniqueId(),
                failure.attempts(), failure.error());
        try {
            failures.onFailure(failure);
        } catch (RuntimeException e) {
            // A broken listener must not stop the stream: the failure is logged above already.
            log.error("failure listener threw on {}", failure.message().uniqueId(), e);
        }
    }

    private static Outcome await(Future<Outcome> handler) {
        try {
            return handler.get();
        } catch (ExecutionException e) {
            // deliver() catches what handlers throw; an Error (e.g. OutOfMemoryError) is not ours to swallow.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.ABANDONED;
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
