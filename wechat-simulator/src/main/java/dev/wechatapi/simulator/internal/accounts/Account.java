package dev.wechatapi.simulator.internal.accounts;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A WeChat account that can log in to the simulator: its own profile, its contacts and groups (fixed at
 * creation), and what it sent. Login sessions come and go; the account stays.
 */
public final class Account {

    private final String id;
    private final Contact self;
    private volatile List<Contact> friends;
    private volatile List<Contact> strangers;
    private final List<Contact> officials;
    private final List<Contact> specials;
    private volatile List<Group> groups;
    private final boolean specialsListed;
    private volatile String loginBlockedMessage;
    private final Map<String, Contact> contactsByKey = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Group> groupsByKey = new ConcurrentHashMap<>();
    private int addedContacts;
    private final List<SentRecord> sent = new ArrayList<>();
    private final Map<String, Instant> revokedAt = new HashMap<>();
    private final Deque<Integer> sendFailures = new ArrayDeque<>();

    Account(
            String id,
            Contact self,
            List<Contact> friends,
            List<Contact> strangers,
            List<Contact> officials,
            List<Contact> specials,
            List<Group> groups,
            boolean specialsListed,
            String loginBlockedMessage) {
        this.id = id;
        this.self = self;
        this.friends = List.copyOf(friends);
        this.strangers = List.copyOf(strangers);
        this.officials = List.copyOf(officials);
        this.specials = List.copyOf(specials);
        this.groups = List.copyOf(groups);
        this.specialsListed = specialsListed;
        this.loginBlockedMessage = loginBlockedMessage;
        Stream.of(List.of(self), friends, strangers, officials, specials)
                .flatMap(List::stream)
                .forEach(contact -> contactsByKey.put(contact.key(), contact));
        groups.forEach(group -> groupsByKey.put(group.key(), group));
    }

    public String id() {
        return id;
    }

    public long uin() {
        return self.uin();
    }

    public Contact self() {
        return self;
    }

    public List<Contact> friends() {
        return friends;
    }

    public List<Contact> officials() {
        return officials;
    }

    public List<Contact> specials() {
        return specials;
    }

    public List<Group> groups() {
        return groups;
    }

    /** Every person the account can see: itself, friends, group members, official and special accounts. */
    public List<Contact> everyone() {
        synchronized (contactsByKey) {
            return List.copyOf(contactsByKey.values());
        }
    }

    /**
     * What webwxgetcontact lists besides groups: friends and official accounts, plus the special accounts when
     * the account was created with {@code specialAccounts: true} (the real list has them; most tests would
     * rather count friends without filehelper).
     */
    public List<Contact> listedContacts() {
        return Stream.of(friends, officials, specialsListed ? specials : List.<Contact>of())
                .flatMap(List::stream)
                .toList();
    }

    public List<Contact> strangers() {
        return strangers;
    }

    public Optional<Contact> contact(String key) {
        return Optional.ofNullable(contactsByKey.get(key));
    }

    public Optional<Group> group(String key) {
        return Optional.ofNullable(groupsByKey.get(key));
    }

    /** A key no contact has had yet ({@code "f12"}, {@code "s40"}), for contacts added after creation. */
    public synchronized String newKey(String prefix) {
        String key;
        do {
            key = prefix + "x" + addedContacts++;
        } while (contactsByKey.containsKey(key));
        return key;
    }

    /** A new friend (the phone accepted a request, or added someone). */
    public synchronized void addFriend(Contact friend) {
        friends = append(friends, friend);
        strangers = strangers.stream().filter(s -> !s.key().equals(friend.key())).toList();
        contactsByKey.put(friend.key(), friend);
    }

    /** A group member who is not a friend. */
    public synchronized void addStranger(Contact stranger) {
        strangers = append(strangers, stranger);
        contactsByKey.put(stranger.key(), stranger);
    }

    /** Changes a friend's profile; returns the new version. */
    public synchronized Contact modifyFriend(String key, UnaryOperator<Contact> change) {
        Contact changed = change.apply(contactsByKey.get(key));
        friends = friends.stream().map(f -> f.key().equals(key) ? changed : f).toList();
        contactsByKey.put(key, changed);
        return changed;
    }

    /**
     * Ends a friendship. Someone still met in a group stays known as a stranger; anyone else is forgotten.
     * Returns the friend as they were.
     */
    public synchronized Contact removeFriend(String key) {
        Contact removed = contactsByKey.get(key);
        friends = friends.stream().filter(f -> !f.key().equals(key)).toList();
        boolean inAGroup = groups.stream().anyMatch(g -> g.members().stream().anyMatch(m -> m.contactKey().equals(key)));
        if (inAGroup) {
            Contact stranger = new Contact(key, Contact.Kind.STRANGER, removed.nickName(), "", removed.sex(), removed.province(),
                    removed.city(), removed.signature(), "", removed.wxid(), 0, 0);
            strangers = append(strangers, stranger);
            contactsByKey.put(key, stranger);
        } else {
            contactsByKey.remove(key);
        }
        return removed;
    }

    /** Replaces a group (new topic or members). */
    public synchronized void replaceGroup(Group changed) {
        groups = groups.stream().map(g -> g.key().equals(changed.key()) ? changed : g).toList();
        groupsByKey.put(changed.key(), changed);
    }

    private static <T> List<T> append(List<T> list, T item) {
        var copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    /** The ret 1203 message web login is refused with, or null when the account may log in. */
    public String loginBlockedMessage() {
        return loginBlockedMessage;
    }

    /** From now on web login answers ret 1203 with this message; null lifts the block. */
    public void blockLogin(String message) {
        loginBlockedMessage = message;
    }

    public synchronized void recordSent(SentRecord record) {
        sent.add(record);
    }

    public synchronized List<SentRecord> sent() {
        return List.copyOf(sent);
    }

    /** A message this account sent, by the MsgID the send answered with. */
    public synchronized Optional<SentRecord> sentMessage(String msgId) {
        return sent.stream().filter(record -> record.msgId().equals(msgId)).findFirst();
    }

    /** Records that a sent message was taken back (webwxrevokemsg); false when it already was. */
    public synchronized boolean markRevoked(String msgId, Instant when) {
        return revokedAt.putIfAbsent(msgId, when) == null;
    }

    /** When a sent message was taken back, if it was. */
    public synchronized Optional<Instant> revokedAt(String msgId) {
        return Optional.ofNullable(revokedAt.get(msgId));
    }

    /** Makes the next {@code count} sends answer {@code Ret = ret} instead of succeeding. */
    public synchronized void failNextSends(int ret, int count) {
        for (int i = 0; i < count; i++) {
            sendFailures.add(ret);
        }
    }

    /** The Ret the next send must fail with, if a failure was scheduled. */
    public synchronized Optional<Integer> takeSendFailure() {
        return Optional.ofNullable(sendFailures.poll());
    }
}
