package dev.wechatapi.session.contacts;

import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.VirtualThreads;
import dev.wechatapi.session.login.AccountSessions;
import dev.wechatapi.session.publishing.EventPublisher;
import dev.wechatapi.session.publishing.Outgoing;
import dev.wechatapi.session.sync.LiveSession;
import dev.wechatapi.session.web.ApiException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reloads every contact of a live session from WeChat (friends, groups with their members, official accounts),
 * makes the result the session's contact book and publishes it as a new {@code ContactsSnapshot}, then has the
 * {@link AvatarPass} store new or changed avatars.
 *
 * <pre>{@code
 * refresh.refresh(appId).then(...)   // completes once Kafka acknowledged the snapshot
 * }</pre>
 */
@Component
class ContactsRefresh {

    private final AccountSessions sessions;
    private final VirtualThreads threads;
    private final EventPublisher publisher;
    private final AvatarPass avatars;
    private final SessionProperties properties;
    private final Clock clock;

    ContactsRefresh(AccountSessions sessions, VirtualThreads threads, EventPublisher publisher, AvatarPass avatars,
            SessionProperties properties, Clock clock) {
        this.sessions = sessions;
        this.threads = threads;
        this.publisher = publisher;
        this.avatars = avatars;
        this.properties = properties;
        this.clock = clock;
    }

    /** Completes when the new snapshot is acknowledged; typed WeChat failures pass through for the error mapping. */
    Mono<Void> refresh(String appId) {
        return Mono.defer(() -> {
            LiveSession live = sessions.live(appId).orElseThrow(ApiException::offline);
            return threads.call(() -> live.weChat().contacts())
                    .map(contacts -> {
                        // A logout or a newer login while the list loaded: this session speaks for nobody now.
                        if (live.isEnded()) {
                            throw ApiException.offline();
                        }
                        return live.updateBook(_ -> ContactBook.of(live.weChat().self(), contacts));
                    })
                    // Avatars stored before go out at once; new or changed ones follow in a second snapshot.
                    .flatMap(book -> publish(Outgoing.contacts(book.snapshot(appId, clock.instant(), live.avatars()))))
                    .doOnSuccess(_ -> avatars.start(live));
        });
    }

    // WeChat has already answered; only the broker failed us, so the client may simply ask again later.
    private Mono<Void> publish(Outgoing snapshot) {
        return Mono.fromFuture(() -> publisher.publish(List.of(snapshot)))
                .timeout(properties.publishTimeout())
                .onErrorMap(failure -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "events_unavailable",
                        "暂时无法发布通讯录, 请稍后再试", properties.unreachableRetryAfter()));
    }
}
