package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.accounts.Group;
import dev.wechatapi.simulator.internal.http.ChangeSignal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One web login of an account: its credentials, the user names handed out for this login only (fresh for
 * every contact, as the real server does), and the queue of messages the client has yet to sync.
 *
 * <p>Positions count messages in the queue; the client's SyncKey carries its position as {@code Key 1}.
 */
public final class Session {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Account account;
    private final String sid = randomText(16);
    private final String skey = "@crypt_" + hex(4) + "_" + hex(16);
    private final String passTicket = randomText(64);
    private final String dataTicket = randomText(40);
    private final String authTicket = randomText(48);
    private final String uvid = hex(16);
    private final Instant loginTime = Instant.now();
    private final int syncBase = 600_000_000 + RANDOM.nextInt(100_000_000);
    private final Map<String, String> userNameByKey = new HashMap<>();
    private final Map<String, String> keyByUserName = new HashMap<>();
    private final Map<String, String> encryChatRoomIds = new HashMap<>();
    private final ChangeSignal changes = new ChangeSignal();
    private final List<WireMessage> queue = new ArrayList<>();
    private int acknowledged;
    private boolean inited;
    private volatile int endedWith;

    Session(Account account) {
        this.account = account;
        for (Contact contact : account.everyone()) {
            assign(contact.key(), contact.hasFixedUserName() ? contact.key() : "@" + hex(16));
        }
        for (Group group : account.groups()) {
            assign(group.key(), "@@" + hex(32));
            encryChatRoomIds.put(group.key(), "@" + hex(16));
        }
    }

    private void assign(String key, String userName) {
        while (keyByUserName.containsKey(userName)) {
            userName = "@" + hex(16);
        }
        userNameByKey.put(key, userName);
        keyByUserName.put(userName, key);
    }

    public Account account() {
        return account;
    }

    public String sid() {
        return sid;
    }

    public String skey() {
        return skey;
    }

    public String passTicket() {
        return passTicket;
    }

    public String dataTicket() {
        return dataTicket;
    }

    public String authTicket() {
        return authTicket;
    }

    public String uvid() {
        return uvid;
    }

    public Instant loginTime() {
        return loginTime;
    }

    int syncBase() {
        return syncBase;
    }

    public String selfUserName() {
        return userNameByKey.get("self");
    }

    /** This login's user name for a contact or group key. */
    public String userName(String key) {
        return userNameByKey.get(key);
    }

    /** The contact or group key behind a user name of this login. */
    public Optional<String> keyOf(String userName) {
        return Optional.ofNullable(keyByUserName.get(userName));
    }

    public String encryChatRoomId(String groupKey) {
        return encryChatRoomIds.get(groupKey);
    }

    public ChangeSignal changes() {
        return changes;
    }

    public boolean isAlive() {
        return endedWith == 0;
    }

    /** The retcode synccheck answers once the session is gone (1100, 1101 or 1102), 0 while alive. */
    public int endedWith() {
        return endedWith;
    }

    public void end(int retcode) {
        endedWith = retcode;
        changes.signal();
    }

    public void enqueue(WireMessage message) {
        synchronized (queue) {
            queue.add(message);
        }
        changes.signal();
    }

    public int position() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Messages after a position, oldest first. */
    public List<WireMessage> messagesAfter(int position) {
        synchronized (queue) {
            return List.copyOf(queue.subList(Math.clamp(position, 0, queue.size()), queue.size()));
        }
    }

    /** The position of the last webwxsync answer, used when a client sends a SyncKey we cannot read. */
    public int acknowledged() {
        synchronized (queue) {
            return acknowledged;
        }
    }

    public void acknowledge(int position) {
        synchronized (queue) {
            acknowledged = position;
        }
    }

    /** True the first time only: the recent-chats message follows the first "inited" notification. */
    public boolean markInited() {
        synchronized (queue) {
            boolean first = !inited;
            inited = true;
            return first;
        }
    }

    private static String hex(int bytes) {
        byte[] data = new byte[bytes];
        RANDOM.nextBytes(data);
        return HexFormat.of().formatHex(data);
    }

    private static String randomText(int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return text.toString();
    }
}
