package dev.wechatapi.session.login;

import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.session.contacts.ContactBook;
import dev.wechatapi.session.sync.LiveSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything this service knows about one app's WeChat account: its QR login attempts, the live session if any,
 * and the account it was last bound to. Transitions are synchronized on this object; reads of the live session
 * are lock-free.
 */
public final class AccountSession {

    // Enough for a client polling an older code while a newer one is shown; old ones are forgotten.
    private static final int REMEMBERED_ATTEMPTS = 20;

    /** The outcome of a confirmed login: whether it became the live session, and which session it replaced. */
    record Handover(boolean accepted, LiveSession replaced) {}

    private final String appId;
    private final Map<String, LoginAttempt> attempts = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LoginAttempt> eldest) {
            return size() > REMEMBERED_ATTEMPTS;
        }
    };
    private LoginAttempt latest;
    private volatile LiveSession live;
    private volatile ContactBook.Entry account;
    private volatile Instant lastSync;
    private boolean owesLoggedOut;
    private boolean resumeCancelled;
    private volatile boolean resumed;

    AccountSession(String appId) {
        this.appId = appId;
    }

    public String appId() {
        return appId;
    }

    /** The live session, if the account is logged in. */
    public Optional<LiveSession> live() {
        return Optional.ofNullable(live);
    }

    /** Contract's {@code alive}: null if never logged in, else whether it is logged in now. */
    Boolean alive() {
        if (live != null) {
            return true;
        }
        return account == null ? null : false;
    }

    /** The account this app was last logged in as, or null. */
    ContactBook.Entry account() {
        return account;
    }

    Instant lastSync() {
        LiveSession current = live;
        return current != null && current.lastSync() != null ? current.lastSync() : lastSync;
    }

    /** Makes a new QR code the one that counts; the previous unfinished one stops. */
    synchronized void track(LoginAttempt attempt) {
        resumeCancelled = true;
        if (latest != null && latest.isPending()) {
            latest.cancel();
        }
        latest = attempt;
        attempts.put(attempt.uuid(), attempt);
    }

    synchronized Optional<LoginAttempt> attempt(String uuid) {
        return Optional.ofNullable(attempts.get(uuid));
    }

    /** The state {@code /status} reports. */
    synchronized String state() {
        if (live != null) {
            return SessionState.LOGGED_IN.name().toLowerCase();
        }
        if (latest != null && latest.isPending()) {
            return (latest.status() == LoginAttempt.Status.SCANNED ? SessionState.SCANNED
                    : SessionState.WAITING_FOR_SCAN).name().toLowerCase();
        }
        if (account != null) {
            return SessionState.LOGGED_OUT.name().toLowerCase();
        }
        return latest != null ? SessionState.QR_EXPIRED.name().toLowerCase() : "not_logged_in";
    }

    /**
     * Makes a confirmed login the live session. Refused when the attempt was cancelled meanwhile (a logout came
     * in): then the caller must log the new session out again.
     */
    synchronized Handover goOnline(LoginAttempt attempt, LiveSession next) {
        if (attempt.isCancelled()) {
            return new Handover(false, null);
        }
        LiveSession previous = live;
        if (previous != null) {
            previous.end();
        }
        live = next;
        owesLoggedOut = false;
        resumed = false;
        account = next.book().self();
        attempt.loggedIn();
        return new Handover(true, previous);
    }

    /**
     * Makes a session resumed from saved credentials the live one. Refused when the app started a QR login or
     * logged out meanwhile: what the user did since the restart wins over what was saved before it.
     */
    synchronized boolean goOnlineResumed(LiveSession next) {
        if (resumeCancelled || live != null) {
            return false;
        }
        live = next;
        account = next.book().self();
        resumed = true;
        return true;
    }

    /** Whether a resume from saved credentials should stop trying. */
    synchronized boolean isResumeCancelled() {
        return resumeCancelled;
    }

    /** Whether the live session was resumed after a restart, so QR codes shown before it are unknown here. */
    boolean isResumedAndAlive() {
        return resumed && live != null;
    }

    /** Ends the session if it is still the live one (WeChat logged it out); false if it was replaced already. */
    synchronized boolean endIfLive(LiveSession session) {
        if (live != session) {
            return false;
        }
        live = null;
        lastSync = session.lastSync();
        session.end();
        return true;
    }

    /**
     * Whether a newer login was confirmed and is being set up. WeChat ends the old web session as soon as the
     * phone confirms, so the old session's end is then a handover, not a logout.
     */
    synchronized boolean isHandingOver() {
        return latest != null && latest.isConfirming();
    }

    /** Remembers that a session ended during a handover without a LOGGED_OUT being published. */
    synchronized void endedInHandover() {
        owesLoggedOut = true;
    }

    /** Whether a LOGGED_OUT is owed because the handover failed; true only once. */
    synchronized boolean takeOwedLoggedOut() {
        boolean owed = owesLoggedOut && live == null;
        owesLoggedOut = false;
        return owed;
    }

    /** Stops any pending QR login and ends the live session; returns that session, or null if there was none. */
    synchronized LiveSession logout() {
        resumeCancelled = true;
        if (latest != null && latest.isPending()) {
            latest.cancel();
        }
        LiveSession ended = live;
        if (ended != null) {
            endIfLive(ended);
        }
        return ended;
    }

    /** Stops this process's loops for the account without telling WeChat or the consumers (a shutdown). */
    synchronized void stop() {
        if (latest != null && latest.isPending()) {
            latest.cancel();
        }
        if (live != null) {
            live.end();
        }
    }

    /** A state change of this account for the session topic. */
    SessionStateChanged change(SessionState state, String reason, Instant at) {
        ContactBook.Entry bound = account;
        return new SessionStateChanged(appId, state, bound != null ? bound.puid() : null,
                bound != null ? bound.name() : null, reason, at);
    }
}
