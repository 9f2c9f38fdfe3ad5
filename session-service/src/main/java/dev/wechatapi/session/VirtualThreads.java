package dev.wechatapi.session;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The boundary between the reactive request path and the blocking WeChat driver: every driver call from a
 * request runs here, on its own virtual thread, so the Netty event loop never waits for WeChat.
 */
@Component
public class VirtualThreads implements AutoCloseable {

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("wechat-call-", 0).factory());
    private final Scheduler scheduler = Schedulers.fromExecutorService(executor, "wechat-call");

    /** Runs a blocking call on a virtual thread; its exceptions (typed WeChat failures too) become errors. */
    public <T> Mono<T> call(Callable<T> blocking) {
        return Mono.fromCallable(blocking).subscribeOn(scheduler);
    }

    /** Starts a long-running background loop (a login poll, a sync loop) on a named virtual thread. */
    public Thread start(String name, Runnable loop) {
        return Thread.ofVirtual().name(name).start(loop);
    }

    @Override
    public void close() {
        scheduler.dispose();
        executor.shutdownNow();
    }
}
