package dev.wechatapi.session.sending;

import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.VirtualThreads;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Paces what every account sends to WeChat: one {@link SendLane} per app, created on its first send.
 *
 * <pre>{@code
 * lanes.submit(appId, () -> session.sendText(userName, text))   // 429 rate_limited when the account must wait
 * }</pre>
 */
@Component
class SendLanes {

    private final ConcurrentMap<String, SendLane> lanes = new ConcurrentHashMap<>();
    private final SessionProperties.Send config;
    private final VirtualThreads threads;

    SendLanes(SessionProperties properties, VirtualThreads threads) {
        this.config = properties.send();
        this.threads = threads;
    }

    <T> Mono<T> submit(String appId, Callable<T> send) {
        return lanes.computeIfAbsent(appId, id -> new SendLane(id, config, threads, System::nanoTime)).submit(send);
    }
}
