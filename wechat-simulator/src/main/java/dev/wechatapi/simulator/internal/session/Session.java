package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.accounts.Group;
import dev.wechatapi.simulator.internal.http.ChangeSignal;
import dev.wechatapi.simulator.internal.media.StoredMedia;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One web login of an account: its credentials, the user names handed out for this login only (fresh for
 * every contact, as the real server does), and the queue of messages the client has yet to sync.
 *
 * <p>Messages and contact changes are two append-only streams; the client's SyncKey carries its position in the
 * first as {@code Key 1} and in the second as {@code Key 2} (see {@link SyncPosition}).
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
    private final Map<String, String> userNameByKey = new ConcurrentHashMap<>();
    private final Map<String, String> keyByUserName = new ConcurrentHashMap<>();
    private final Map<String, String> encryChatRoomIds = new ConcurrentHashMap<>();
    private final List<ContactChange> contactChanges = new ArrayList<>();
    private final Map<String, FriendRequest> friendRequests = new ConcurrentHashMap<>();
    private final ChangeSignal changes = new ChangeSignal();
    private final List<WireMessage> queue = new ArrayList<>();
    private final Map<String, StoredMedia> mediaByMsgId = new ConcurrentHashMap<>();
    private final Map<String, StoredMedia> mediaById = new ConcurrentHashMap<>();
    private SyncPosition acknowledged = new SyncPosition(0, 0);
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

    private synchronized void assign(String key, String userName) {
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

    /** Bytes to serve for a message (by its MsgId) and, when it has one, its MediaId. */
    public void attachMedia(String msgId, String mediaId, StoredMedia media) {
        if (msgId != null) {
            mediaByMsgId.put(msgId, media);
        }
        if (mediaId != null && !mediaId.isEmpty()) {
            mediaById.put(mediaId, media);
        }
    }

    public Optional<StoredMedia> mediaOfMessage(String msgId) {
        return Optional.ofNullable(msgId).map(mediaByMsgId::get);
    }

    public Optional<StoredMedia> mediaById(String mediaId) {
        return Optional.ofNullable(mediaId).map(mediaById::get);
    }

    /** The MediaId of bytes this session already has with this MD5 and size (webwxcheckupload's question). */
    public Optional<String> mediaIdOf(String md5, long size) {
        return mediaById.entrySet().stream()
                .filter(entry -> entry.getValue().bytes().length == size && entry.getValue().md5().equalsIgnoreCase(md5))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * Appends a contact change to the stream webwxsync reports from; people and groups new to this login get their
     * user names first (a group's new members too).
     */
    public void contactChanged(ContactChange change) {
        if (change.contact() != null && userName(change.contact().key()) == null) {
            assign(change.contact().key(), "@" + hex(16));
        }
        if (change.group() != null) {
            change.group().members().stream().map(Group.Member::contactKey).filter(key -> userName(key) == null)
                    .forEach(key -> assign(key, "@" + hex(16)));
        }
        synchronized (queue) {
            contactChanges.add(change);
        }
        changes.signal();
    }

    /** Someone asking to be a friend, as a type 37 message announced them; accepted with their ticket. */
    public record FriendRequest(Contact person, String ticket) {}

    /** Remembers a friend request under the user name its RecommendInfo carries, for webwxverifyuser. */
    public void rememberFriendRequest(String userName, FriendRequest request) {
        assign(request.person().key(), userName);
        friendRequests.put(userName, request);
    }

    /** The request a user name stands for, once: accepting or rejecting uses it up. */
    public Optional<FriendRequest> takeFriendRequest(String userName) {
        return Optional.ofNullable(userName).map(friendRequests::remove);
    }

    /** How many contact changes this session has had. */
    public int contactPosition() {
        synchronized (queue) {
            return contactChanges.size();
        }
    }

    /** Contact changes after a position, oldest first. */
    public List<ContactChange> contactChangesAfter(int position) {
        synchronized (queue) {
            return List.copyOf(contactChanges.subList(Math.clamp(position, 0, contactChanges.size()), contactChanges.size()));
        }
    }

    public int position() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** The end of both streams: what a client that has seen everything holds. */
    SyncPosition current() {
        synchronized (queue) {
            return new SyncPosition(queue.size(), contactChanges.size());
        }
    }

    /** Messages after a position, oldest first. */
    public List<WireMessage> messagesAfter(int position) {
        synchronized (queue) {
            return List.copyOf(queue.subList(Math.clamp(position, 0, queue.size()), queue.size()));
        }
    }

    /** The position of the last webwxsync answer, used when a client sends a SyncKey we cannot read. */
    SyncPosition acknowledged() {
        synchronized (queue) {
            return acknowledged;
        }
    }

    void acknowledge(SyncPosition position) {
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
