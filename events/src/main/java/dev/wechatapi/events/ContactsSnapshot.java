package dev.wechatapi.events;

import java.time.Instant;
import java.util.List;

/**
 * The complete contact list of an account at {@code takenAt}: consumers replace what they hold for the app with it.
 *
 * @param self the logged-in account itself
 */
public record ContactsSnapshot(String appId, Contact self, List<Contact> contacts, Instant takenAt) {

    public ContactsSnapshot {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
