package dev.wechatapi.session.login;

import dev.wechatapi.events.SessionState;
import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.VirtualThreads;
import dev.wechatapi.session.contacts.AvatarPass;
import dev.wechatapi.session.credentials.CredentialsStore;
import dev.wechatapi.session.credentials.SavedSession;
import dev.wechatapi.session.publishing.EventPublisher;
import dev.wechatapi.session.publishing.Outgoing;
import dev.wechatapi.session.sync.LiveSession;
import dev.wechatapi.session.sync.MessageMedia;
import dev.wechatapi.wechat.QrLogin;
import dev.wechatapi.wechat.WeChatDriver;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The sessions of all apps, held in memory: starts QR logins, answers what they became, logs out. Every blocking
 * driver call goes through {@link VirtualThreads}, so these methods are safe on the event loop.
 */
@Component
public class AccountSessions implements AutoCloseable {

    private final ConcurrentMap<String, AccountSession> accounts = new ConcurrentHashMap<>();
    private final WeChatDriver driver;
    private final EventPublisher publisher;
    private final MessageMedia media;
    private final AvatarPass avatars;
    private final CredentialsStore credentials;
    private final VirtualThreads threads;
    private final SessionProperties properties;
    private final Clock clock;

    public AccountSessions(WeChatDriver driver, EventPublisher publisher, MessageMedia media, AvatarPass avatars,
            CredentialsStore credentials, VirtualThreads threads, SessionProperties properties, Clock clock) {
        this.driver = driver;
        this.publisher = publisher;
        this.media = media;
        this.avatars = avatars;
        this.credentials = credentials;
        this.threads = threads;
        this.properties = properties;
        this.clock = clock;
    }

    public AccountSession of(String appId) {
        return accounts.computeIfAbsent(appId, AccountSession::new);
    }

    /** The live session of an app, if it is logged in. */
    public Optional<LiveSession> live(String appId) {
        AccountSession account = accounts.get(appId);
        return account == null ? Optional.empty() : account.live();
    }

    /** Asks WeChat for a QR code and follows it in the background until it is confirmed or expires. */
    public Mono<QrLogin> startLogin(String appId) {
        return threads.call(driver::startLogin).map(qr -> {
            AccountSession account = of(appId);
            LoginAttempt attempt = new LoginAttempt(qr);
            account.track(attempt);
            if (account.live().isEmpty()) {
                publisher.publish(List.of(Outgoing.state(
                        account.change(SessionState.WAITING_FOR_SCAN, null, clock.instant()))));
            }
            threads.start("login-" + appId,
                    new LoginFlow(account, attempt, driver, publisher, online(account), threads, properties, clock));
            return qr;
        });
    }

    /**
     * Carries on sessions saved by an earlier owner (this replica before a restart, or a replica that stopped or
     * died), each in the background; see {@link ResumeFlow}.
     */
    public void resumeAll(Map<String, SavedSession> saved) {
        saved.forEach(this::resume);
    }

    private void resume(String appId, SavedSession saved) {
        AccountSession account = of(appId);
        threads.start("resume-" + appId, new ResumeFlow(account, saved, driver, online(account), properties, clock));
    }

    /**
     * Stops, without logging out, the sessions and QR logins of the apps this replica no longer owns, and forgets
     * them: their next owner resumes them from the saved credentials. Returns how many apps were released.
     */
    public int release(Predicate<String> appIds) {
        int released = 0;
        for (var account : accounts.entrySet()) {
            if (appIds.test(account.getKey()) && accounts.remove(account.getKey(), account.getValue())) {
                account.getValue().stop();
                released++;
            }
        }
        return released;
    }

    private OnlineSession online(AccountSession account) {
        return new OnlineSession(account, publisher, media, avatars, credentials, properties, clock);
    }

    /**
     * Logs the app out of WeChat (if logged in), stops any pending QR login or resume and leaves nothing to resume
     * after a restart; completes when published.
     */
    Mono<Void> logout(String appId) {
        return Mono.defer(() -> {
            AccountSession account = of(appId);
            LiveSession ended = account.logout();
            credentials.forget(appId);
            if (ended == null) {
                return Mono.empty();
            }
            return threads.call(() -> {
                        ended.weChat().logout();
                        return ended;
                    })
                    .then(Mono.fromFuture(() -> publisher.publish(List.of(Outgoing.state(
                            account.change(SessionState.LOGGED_OUT, "logout", clock.instant()))))));
        });
    }

    /** Stops every loop without logging out: a restart should not cost the users their WeChat sessions. */
    @Override
    public void close() {
        accounts.values().forEach(AccountSession::stop);
    }
}
