package dev.wechatapi.simulator.internal.accounts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A WeChat account that can log in to the simulator: its own profile, its contacts and groups (fixed at
 * creation), and what it sent. Login sessions come and go; the account stays.
 */
public final class Account {

    private final String id;
    private final Contact self;
    private final List<Contact> friends;
    private final List<Contact> strangers;
    private final List<Contact> officials;
    private final List<Contact> specials;
    private final List<Group> groups;
    private final boolean specialsListed;
    private final String loginBlockedMessage;
    private final Map<String, Contact> contactsByKey = new LinkedHashMap<>();
    private final Map<String, Group> groupsByKey = new LinkedHashMap<>();
    private final List<SentRecord> sent = new ArrayList<>();
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
        return List.copyOf(contactsByKey.values());
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

    /** The ret 1203 message web login is refused with, or null when the account may log in. */
    public String loginBlockedMessage() {
        return loginBlockedMessage;
    }

    public synchronized void recordSent(SentRecord record) {
        sent.add(record);
    }

    public synchronized List<SentRecord> sent() {
        return List.copyOf(sent);
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
