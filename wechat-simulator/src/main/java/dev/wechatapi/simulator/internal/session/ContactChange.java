package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.accounts.Group;

/**
 * A change of the account's contacts that the next webwxsync reports: a person or a group in ModContactList,
 * or a person in DelContactList. Exactly one of {@code contact} and {@code group} is set.
 */
public record ContactChange(boolean deleted, Contact contact, Group group) {

    public static ContactChange modified(Contact contact) {
        return new ContactChange(false, contact, null);
    }

    public static ContactChange deleted(Contact contact) {
        return new ContactChange(true, contact, null);
    }

    public static ContactChange modified(Group group) {
        return new ContactChange(false, null, group);
    }
}
