package dev.wechatapi.session.login;

import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.session.Backoff;
import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.contacts.ContactBook;
import dev.wechatapi.session.credentials.SavedSession;
import dev.wechatapi.session.sync.LiveSession;
import dev.wechatapi.wechat.WeChatContact;
import dev.wechatapi.wechat.WeChatDriver;
import dev.wechatapi.wechat.WeChatException;
import dev.wechatapi.wechat.WeChatSession;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one app's saved session back after a restart, on its own virtual thread: resume it (one webwxinit),
 * reload its contacts (puids derive from the contacts' identity keys, so they come out as before), go live and
 * continue as after a QR login. WeChat saying the session is gone ends it with LOGGED_OUT; anything else retries
 * with backoff until the app logs in or out by itself.
 */
final class ResumeFlow implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ResumeFlow.class);

    static final String RESUMED = "resumed";

    private final AccountSession account;
    private final SavedSession saved;
    private final WeChatDriver driver;
    private final OnlineSession online;
    private final SessionProperties properties;
    private final Clock clock;

    ResumeFlow(AccountSession account, SavedSession saved, WeChatDriver driver, OnlineSession online,
            SessionProperties properties, Clock clock) {
        this.account = account;
        this.saved = saved;
        this.driver = driver;
        this.online = online;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            LiveSession live = resume();
            if (live == null) {
                return;
            }
            if (!account.goOnlineResumed(live)) {
                // A QR login or a logout since the restart decides; WeChat already ended or will end this one.
                log.info("app {}: resumed session dropped, the app logged in or out meanwhile", account.appId());
                return;
            }
            log.info("app {} resumed as {}", account.appId(), live.book().self().puid());
            online.run(live, RESUMED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("resuming app {} failed", account.appId(), e);
        }
    }

    /** The live session, or null when WeChat ended it or the app moved on. */
    private LiveSession resume() throws InterruptedException {
        Backoff backoff = Backoff.from(properties);
        while (!account.isResumeCancelled()) {
            try {
                WeChatSession weChat = driver.resume(saved.credentials());
                List<WeChatContact> contacts = weChat.contacts();
                return new LiveSession(account.appId(), weChat, ContactBook.of(weChat.self(), contacts),
                        clock.instant());
            } catch (WeChatException.LoggedOut e) {
                log.info("app {}: the saved session is gone: {}", account.appId(), e.getMessage());
                if (!account.isResumeCancelled()) {
                    online.publishLoggedOut(new SessionStateChanged(account.appId(), SessionState.LOGGED_OUT,
                            saved.accountPuid(), saved.accountName(), "resume failed: retcode " + e.code() + ": "
                                    + e.getMessage(), clock.instant()));
                }
                return null;
            } catch (WeChatException.Unsupported e) {
                log.error("app {}: this driver cannot resume the saved session: {}", account.appId(), e.toString());
                return null;
            } catch (WeChatException e) {
                log.warn("resuming app {} failed, backing off: {}", account.appId(), e.toString());
                backoff.pause();
            }
        }
        return null;
    }
}
