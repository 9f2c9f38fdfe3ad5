package dev.wechatapi.session.login;

import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.session.Backoff;
import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.contacts.AvatarPass;
import dev.wechatapi.session.credentials.CredentialsStore;
import dev.wechatapi.session.publishing.EventPublisher;
import dev.wechatapi.session.publishing.Outgoing;
import dev.wechatapi.session.sync.LiveSession;
import dev.wechatapi.session.sync.MessageMedia;
import dev.wechatapi.session.sync.SyncLoop;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows once a session of an app went live, by QR login or resumed after a restart: publish the login and
 * the contacts, save the credentials, start the avatar pass, then run the sync loop until the session ends.
 */
final class OnlineSession {

    private static final Logger log = LoggerFactory.getLogger(OnlineSession.class);

    private final AccountSession account;
    private final EventPublisher publisher;
    private final MessageMedia media;
    private final AvatarPass avatars;
    private final CredentialsStore credentials;
    private final SessionProperties properties;
    private final Clock clock;

    OnlineSession(AccountSession account, EventPublisher publisher, MessageMedia media, AvatarPass avatars,
            CredentialsStore credentials, SessionProperties properties, Clock clock) {
        this.account = account;
        this.publisher = publisher;
        this.media = media;
        this.avatars = avatars;
        this.credentials = credentials;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs on the calling thread until the session ends; {@code reason} goes into LOGGED_IN (null for a QR login). */
    void run(LiveSession live, String reason) throws InterruptedException {
        publisher.publishAll(List.of(
                        Outgoing.state(account.change(SessionState.LOGGED_IN, reason, clock.instant())),
                        Outgoing.contacts(live.book().snapshot(account.appId(), clock.instant()))),
                () -> true);
        credentials.save(live);
        // The snapshot above goes out without avatars; a second one follows when they are stored.
        avatars.start(live);
        new SyncLoop(live, publisher, media, Backoff.from(properties), clock, why -> loggedOut(live, why),
                () -> credentials.save(live))
                .run();
    }

    private void loggedOut(LiveSession live, String reason) {
        if (!account.endIfLive(live)) {
            return;
        }
        if (account.isHandingOver()) {
            log.info("app {}: the old session ended as the new login was confirmed ({})", account.appId(), reason);
            account.endedInHandover();
            return;
        }
        log.info("app {} was logged out by WeChat: {}", account.appId(), reason);
        publishLoggedOut(account.change(SessionState.LOGGED_OUT, reason, clock.instant()));
    }

    /** Publishes that the app is offline and leaves nothing to resume after a restart. */
    void publishLoggedOut(SessionStateChanged change) {
        credentials.forget(account.appId());
        try {
            publisher.publishAll(List.of(Outgoing.state(change)), () -> true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
