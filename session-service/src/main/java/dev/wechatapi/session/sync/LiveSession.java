package dev.wechatapi.session.sync;

import dev.wechatapi.session.contacts.Avatars;
import dev.wechatapi.session.contacts.ContactBook;
import dev.wechatapi.wechat.WeChatSession;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * One logged-in WeChat session of an app: the driver's session, the contacts as last seen, and the state its sync
 * loop shares with request handlers. Ending it stops its sync loop; a long poll in flight is interrupted so the
 * loop does not linger for up to 25 seconds, but a batch being published is never cut short.
 */
public final class LiveSession {

    private final String appId;
    private final WeChatSession weChat;
    private final Instant since;
    private final Object lock = new Object();
    private final Object bookLock = new Object();
    private final Avatars avatars = new Avatars();
    private volatile ContactBook book;
    private volatile Instant lastSync;
    private volatile boolean ended;
    private Thread syncingThread;

    public LiveSession(String appId, WeChatSession weChat, ContactBook book, Instant since) {
        this.appId = appId;
        this.weChat = weChat;
        this.book = book;
        this.since = since;
    }

    public String appId() {
        return appId;
    }

    public WeChatSession weChat() {
        return weChat;
    }

    public ContactBook book() {
        return book;
    }

    /** The contacts' avatars stored so far; snapshots of this session carry their media ids. */
    public Avatars avatars() {
        return avatars;
    }

    /**
     * Changes the contact book atomically and returns the new one: the sync loop (contact changes) and
     * {@code /update} (a full refresh) both replace it, and neither may undo the other.
     */
    public ContactBook updateBook(UnaryOperator<ContactBook> change) {
        synchronized (bookLock) {
            book = change.apply(book);
            return book;
        }
    }

    public Instant since() {
        return since;
    }

    /** When the last sync round completed, or null before the first. */
    public Instant lastSync() {
        return lastSync;
    }

    void synced(Instant at) {
        lastSync = at;
    }

    public boolean isEnded() {
        return ended;
    }

    /** Stops the sync loop. Does not log out of WeChat: the caller decides whether the account stays logged in. */
    public void end() {
        synchronized (lock) {
            ended = true;
            if (syncingThread != null) {
                syncingThread.interrupt();
            }
        }
    }

    /** Marks the calling thread as waiting in a sync long poll; false if the session already ended. */
    boolean enterSync() {
        synchronized (lock) {
            if (ended) {
                return false;
            }
            syncingThread = Thread.currentThread();
            return true;
        }
    }

    void leaveSync() {
        synchronized (lock) {
            syncingThread = null;
            // An end() that raced with the poll's return must not interrupt the publication that follows.
            Thread.interrupted();
        }
    }
}
