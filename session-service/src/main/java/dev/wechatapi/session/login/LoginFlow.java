package dev.wechatapi.session.login;

import dev.wechatapi.events.SessionState;
import dev.wechatapi.session.Backoff;
import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.VirtualThreads;
import dev.wechatapi.session.contacts.ContactBook;
import dev.wechatapi.session.publishing.EventPublisher;
import dev.wechatapi.session.publishing.Outgoing;
import dev.wechatapi.session.sync.LiveSession;
import dev.wechatapi.wechat.LoginPoll;
import dev.wechatapi.wechat.WeChatContact;
import dev.wechatapi.wechat.WeChatDriver;
import dev.wechatapi.wechat.WeChatException;
import dev.wechatapi.wechat.WeChatSession;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one QR code on its own virtual thread: poll until confirmed or expired, turn the confirmation into
 * a session with its contacts, publish the login, then become that session's sync loop.
 */
final class LoginFlow implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LoginFlow.class);
    private static final int CONTACT_LOAD_ATTEMPTS = 5;

    private final AccountSession account;
    private final LoginAttempt attempt;
    private final WeChatDriver driver;
    private final EventPublisher publisher;
    private final OnlineSession online;
    private final VirtualThreads threads;
    private final SessionProperties properties;
    private final Clock clock;

    LoginFlow(AccountSession account, LoginAttempt attempt, WeChatDriver driver, EventPublisher publisher,
            OnlineSession online, VirtualThreads threads, SessionProperties properties, Clock clock) {
        this.account = account;
        this.attempt = attempt;
        this.driver = driver;
        this.publisher = publisher;
        this.online = online;
        this.threads = threads;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            LoginPoll.Confirmed confirmed = awaitConfirmation();
            if (confirmed != null) {
                goOnline(confirmed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            attempt.expired();
            log.error("login of app {} failed", account.appId(), e);
        }
    }

    private LoginPoll.Confirmed awaitConfirmation() throws InterruptedException {
        Backoff backoff = Backoff.from(properties);
        while (!attempt.isCancelled()) {
            try {
                switch (driver.pollLogin(attempt.qr())) {
                    case LoginPoll.Waiting _ -> {}
                    case LoginPoll.Scanned scanned -> {
                        if (attempt.scanned(scanned.avatarBase64Jpeg())) {
                            publishIfOffline(SessionState.SCANNED);
                        }
                    }
                    case LoginPoll.Expired _ -> {
                        attempt.expired();
                        publishIfOffline(SessionState.QR_EXPIRED);
                        return null;
                    }
                    case LoginPoll.Confirmed confirmed -> {
                        attempt.confirming();
                        return confirmed;
                    }
                }
                backoff.reset();
            } catch (WeChatException.LoginBlocked e) {
                log.warn("WeChat refuses web login for app {}: {}", account.appId(), e.getMessage());
                attempt.expired();
                return null;
            } catch (WeChatException e) {
                log.warn("login poll of app {} failed, backing off: {}", account.appId(), e.toString());
                backoff.pause();
            }
        }
        return null;
    }

    private void goOnline(LoginPoll.Confirmed confirmed) throws InterruptedException {
        WeChatSession weChat;
        try {
            weChat = driver.completeLogin(confirmed);
        } catch (WeChatException e) {
            log.warn("completing the login of app {} failed: {}", account.appId(), e.toString());
            attempt.expired();
            publishIfDropped("login failed: " + e.getMessage());
            return;
        }
        List<WeChatContact> contacts = loadContacts(weChat);
        if (contacts == null) {
            weChat.logout();
            attempt.expired();
            publishIfDropped("login failed: contacts could not be loaded");
            return;
        }
        LiveSession live = new LiveSession(account.appId(), weChat, ContactBook.of(weChat.self(), contacts),
                clock.instant());
        AccountSession.Handover handover = account.goOnline(attempt, live);
        if (!handover.accepted()) {
            weChat.logout();
            publishIfDropped("logout");
            return;
        }
        if (handover.replaced() != null) {
            // The new login is already live; the old session's goodbye must not hold it up.
            threads.start("logout-" + account.appId(), handover.replaced().weChat()::logout);
        }
        log.info("app {} logged in as {}", account.appId(), live.book().self().puid());
        online.run(live, null);
    }

    private List<WeChatContact> loadContacts(WeChatSession weChat) throws InterruptedException {
        Backoff backoff = Backoff.from(properties);
        for (int i = 1; ; i++) {
            try {
                return weChat.contacts();
            } catch (WeChatException.LoggedOut e) {
                log.warn("app {} was logged out while loading contacts: {}", account.appId(), e.getMessage());
                return null;
            } catch (WeChatException e) {
                if (i == CONTACT_LOAD_ATTEMPTS || attempt.isCancelled()) {
                    log.warn("loading the contacts of app {} failed {} times: {}", account.appId(), i, e.toString());
                    return null;
                }
                backoff.pause();
            }
        }
    }

    /**
     * A handover that did not complete leaves the account offline without anyone having said so (see
     * {@link OnlineSession}); say it now.
     */
    private void publishIfDropped(String reason) {
        if (account.takeOwedLoggedOut()) {
            online.publishLoggedOut(account.change(SessionState.LOGGED_OUT, reason, clock.instant()));
        }
    }

    // While an account is online a new QR code is only a candidate; consumers keep seeing it as logged in.
    private void publishIfOffline(SessionState state) {
        if (account.live().isEmpty()) {
            publisher.publish(List.of(Outgoing.state(account.change(state, null, clock.instant()))))
                    .exceptionally(e -> {
                        log.warn("publishing {} of app {} failed", state, account.appId(), e);
                        return null;
                    });
        }
    }
}
