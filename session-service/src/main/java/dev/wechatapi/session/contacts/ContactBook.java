package dev.wechatapi.session.contacts;

import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.Party;
import dev.wechatapi.wechat.WeChatContact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contacts of one logged-in account with their puids: puid to current user name and back, for the account
 * itself, its friends, groups, official accounts and group members. Immutable; a sync that changes contacts
 * produces a new book with {@link #withChanges}.
 *
 * <pre>{@code
 * ContactBook book = ContactBook.of(session.self(), session.contacts());
 * Party sender = book.resolve(message.fromUserName()).party();
 * }</pre>
 */
public final class ContactBook {

    /** A contact with its puid and kind. */
    public record Entry(String puid, ContactKind kind, WeChatContact contact) {

        public String userName() {
            return contact.userName();
        }

        public String name() {
            WeChatContact c = contact;
            return c.remarkName() != null && !c.remarkName().isEmpty() ? c.remarkName() : c.nickName();
        }

        public Party party() {
            return new Party(puid, kind, name());
        }
    }

    private final Entry self;
    private final List<WeChatContact> contacts;
    private final Map<String, Entry> byUserName = new HashMap<>();
    private final Map<String, Entry> byPuid = new HashMap<>();
    private final Map<String, Entry> members = new HashMap<>();
    private final Set<String> usedPuids = new HashSet<>();

    private ContactBook(WeChatContact self, List<WeChatContact> contacts) {
        this.contacts = List.copyOf(contacts);
        this.self = assign(self, ContactKind.FRIEND);
        byUserName.put(self.userName(), this.self);
        byPuid.put(this.self.puid(), this.self);
        for (WeChatContact contact : this.contacts) {
            if (contact.userName() == null || contact.userName().equals(self.userName())) {
                continue;
            }
            Entry entry = assign(contact, kindOf(contact));
            byUserName.put(contact.userName(), entry);
            byPuid.put(entry.puid(), entry);
        }
        // Members second, so a member who is also a friend keeps the friend's puid (same user name in one login).
        for (WeChatContact group : this.contacts) {
            for (WeChatContact member : group.members()) {
                if (member.userName() != null && !byUserName.containsKey(member.userName())) {
                    members.computeIfAbsent(member.userName(), _ -> assign(member, ContactKind.FRIEND));
                }
            }
        }
    }

    public static ContactBook of(WeChatContact self, List<WeChatContact> contacts) {
        return new ContactBook(self, contacts);
    }

    /** A new book with changed contacts replaced or added and deleted ones removed. */
    public ContactBook withChanges(List<WeChatContact> changed, List<String> deletedUserNames) {
        Map<String, WeChatContact> merged = new LinkedHashMap<>();
        contacts.forEach(c -> merged.put(c.userName(), c));
        changed.forEach(c -> merged.put(c.userName(), c));
        deletedUserNames.forEach(merged::remove);
        return new ContactBook(self.contact(), new ArrayList<>(merged.values()));
    }

    public Entry self() {
        return self;
    }

    /** A friend, group, official account or the account itself by puid: the things a message can be sent to. */
    public Optional<Entry> byPuid(String puid) {
        return Optional.ofNullable(byPuid.get(puid));
    }

    /**
     * Who a user name is. A name the book does not know (a stranger, a group not saved to contacts) still gets a
     * puid derived from the name, so its message is published rather than dropped; that puid only lasts this login.
     */
    public Entry resolve(String userName) {
        Entry known = byUserName.get(userName);
        if (known == null) {
            known = members.get(userName);
        }
        return known != null ? known : stranger(userName);
    }

    /** A snapshot of the whole book for the event contract, without avatars. */
    public ContactsSnapshot snapshot(String appId, Instant takenAt) {
        return snapshot(appId, takenAt, new Avatars());
    }

    /** A snapshot of the whole book for the event contract, with the avatars stored so far. */
    public ContactsSnapshot snapshot(String appId, Instant takenAt, Avatars avatars) {
        List<Contact> all = new ArrayList<>();
        for (Entry entry : contacts()) {
            all.add(toContact(entry, avatars));
        }
        return new ContactsSnapshot(appId, toContact(self, avatars), all, takenAt);
    }

    /** The account's friends, groups and official accounts (not group members, not the account itself). */
    public List<Entry> contacts() {
        List<Entry> all = new ArrayList<>();
        for (WeChatContact contact : contacts) {
            Entry entry = byUserName.get(contact.userName());
            if (entry != null && entry != self) {
                all.add(entry);
            }
        }
        return all;
    }

    private Contact toContact(Entry entry, Avatars avatars) {
        WeChatContact c = entry.contact();
        List<Contact> groupMembers = c.members().stream().map(m -> toContact(resolve(m.userName()), m)).toList();
        return new Contact(entry.puid(), entry.kind(), c.userName(), c.nickName(), c.remarkName(), c.displayName(),
                c.signature(), c.sex(), c.province(), c.city(), avatars.mediaIdOf(entry.puid()), groupMembers);
    }

    // A member is described as the group lists them (their display name in the group), under the puid they have.
    private static Contact toContact(Entry entry, WeChatContact member) {
        return new Contact(entry.puid(), ContactKind.FRIEND, member.userName(), member.nickName(),
                member.remarkName(), member.displayName(), member.signature(), member.sex(), member.province(),
                member.city(), null, List.of());
    }

    private Entry assign(WeChatContact contact, ContactKind kind) {
        String key = contact.identityKey();
        String puid = Puids.of(key);
        // Two contacts can share a weak identity key (same nick name, sex and place); keep their puids apart.
        for (int n = 2; usedPuids.contains(puid); n++) {
            puid = Puids.of(key + "#" + n);
        }
        usedPuids.add(puid);
        return new Entry(puid, kind, contact);
    }

    private static Entry stranger(String userName) {
        String name = userName == null ? "" : userName;
        ContactKind kind = name.startsWith("@@") ? ContactKind.GROUP : ContactKind.FRIEND;
        WeChatContact contact = new WeChatContact(userName, null, null, null, null, 0, null, null, null, 0, 0, null,
                List.of());
        return new Entry(Puids.of("user:" + name), kind, contact);
    }

    private static ContactKind kindOf(WeChatContact contact) {
        if (contact.isGroup()) {
            return ContactKind.GROUP;
        }
        return contact.isOfficialAccount() ? ContactKind.MP : ContactKind.FRIEND;
    }
}
