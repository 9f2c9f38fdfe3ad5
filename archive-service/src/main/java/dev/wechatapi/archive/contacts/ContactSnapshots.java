package dev.wechatapi.archive.contacts;

import dev.wechatapi.archive.store.MultiRowInsert;
import dev.wechatapi.archive.store.Utc;
import dev.wechatapi.archive.store.Values;
import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactsSnapshot;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Replaces an app's contacts with a snapshot, in one transaction: contacts are upserted by (app_id, puid), the
 * ones the snapshot no longer lists are deleted, and group members are rewritten. Applying the same snapshot
 * again changes nothing; an older snapshot than the one applied is ignored, so a replay cannot roll back.
 */
@Component
public final class ContactSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ContactSnapshots.class);

    // Rows per multi-row INSERT: few round trips (13-15 placeholders a row) without building huge statements.
    private static final int CHUNK = 1_000;

    private static final MultiRowInsert CONTACTS = MultiRowInsert.into("contacts",
            List.of("app_id", "puid", "kind", "is_self", "user_name", "nick_name", "remark_name", "display_name", "name",
                    "signature", "sex", "province", "city", "avatar_media_id", "snapshot_at"),
            List.of(String.class, String.class, String.class, Boolean.class, String.class, String.class, String.class,
                    String.class, String.class, String.class, Integer.class, String.class, String.class, String.class,
                    LocalDateTime.class),
            " ON DUPLICATE KEY UPDATE kind = VALUES(kind), is_self = VALUES(is_self),"
                    + " user_name = VALUES(user_name), nick_name = VALUES(nick_name), remark_name = VALUES(remark_name),"
                    + " display_name = VALUES(display_name), name = VALUES(name), signature = VALUES(signature),"
                    + " sex = VALUES(sex), province = VALUES(province), city = VALUES(city),"
                    + " avatar_media_id = VALUES(avatar_media_id), snapshot_at = VALUES(snapshot_at)",
            CHUNK);
    private static final MultiRowInsert MEMBERS = MultiRowInsert.into("group_members",
            List.of("app_id", "group_puid", "member_puid", "user_name", "nick_name", "remark_name", "display_name",
                    "name", "signature", "sex", "province", "city", "avatar_media_id"),
            List.of(String.class, String.class, String.class, String.class, String.class, String.class, String.class,
                    String.class, String.class, Integer.class, String.class, String.class, String.class),
            "",
            CHUNK);

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    public ContactSnapshots(DatabaseClient db, ReactiveTransactionManager transactions) {
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
    }

    /** Applies the snapshot; emits whether it was applied (false when a newer one already was). */
    public Mono<Boolean> apply(ContactsSnapshot snapshot) {
        String appId = snapshot.appId();
        LocalDateTime takenAt = Utc.of(snapshot.takenAt());
        Map<String, ContactRow> rows = rows(snapshot);
        Mono<Boolean> replace = newestApplied(appId)
                .map(applied -> !applied.isAfter(takenAt))
                .defaultIfEmpty(true)
                .flatMap(newer -> {
                    if (!newer) {
                        log.info("Ignoring contacts snapshot of {} taken at {}: a newer one is applied", appId, takenAt);
                        return Mono.just(false);
                    }
                    return upsertContacts(appId, takenAt, List.copyOf(rows.values()))
                            .then(db.sql("DELETE FROM contacts WHERE app_id = :appId AND snapshot_at <> :takenAt")
                                    .bind("appId", appId).bind("takenAt", takenAt).then())
                            .then(db.sql("DELETE FROM group_members WHERE app_id = :appId").bind("appId", appId).then())
                            .then(insertMembers(appId, snapshot.contacts()))
                            .then(recordApplied(snapshot, takenAt, rows.size()))
                            .thenReturn(true);
                });
        return transaction.transactional(replace);
    }

    // The lock serialises two snapshots of one app arriving at the same time (e.g. on a rebalance).
    private Mono<LocalDateTime> newestApplied(String appId) {
        return db.sql("SELECT taken_at FROM contact_snapshots WHERE app_id = :appId FOR UPDATE")
                .bind("appId", appId)
                .map(row -> row.get("taken_at", LocalDateTime.class))
                .one();
    }

    private static Map<String, ContactRow> rows(ContactsSnapshot snapshot) {
        Map<String, ContactRow> rows = new LinkedHashMap<>();
        for (Contact contact : snapshot.contacts()) {
            ContactRow.of(contact, false).ifPresent(row -> rows.put(row.puid(), row));
        }
        // The account itself is a friend in the original (WeChat lists it first among the friends).
        if (snapshot.self() != null) {
            ContactRow.of(snapshot.self(), true).ifPresent(row -> rows.put(row.puid(), row));
        }
        int skipped = snapshot.contacts().size() + (snapshot.self() != null ? 1 : 0) - rows.size();
        if (skipped > 0) {
            log.warn("Contacts snapshot of {} has {} contacts without puid or kind (or duplicated); they are skipped",
                    snapshot.appId(), skipped);
        }
        return rows;
    }

    private Mono<Void> upsertContacts(String appId, LocalDateTime takenAt, List<ContactRow> rows) {
        List<@Nullable Object[]> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(row.contactValues(appId, takenAt)));
        return CONTACTS.run(db, values).then();
    }

    private Mono<Void> insertMembers(String appId, List<Contact> contacts) {
        List<@Nullable Object[]> members = new ArrayList<>();
        for (Contact group : contacts) {
            if (group.puid() == null || group.members().isEmpty()) {
                continue;
            }
            Map<String, ContactRow> unique = new LinkedHashMap<>();
            group.members().forEach(member -> ContactRow.of(member, false)
                    .ifPresent(row -> unique.put(row.puid(), row.inGroup(group.puid()))));
            unique.values().forEach(row -> members.add(row.memberValues(appId)));
        }
        return MEMBERS.run(db, members).then();
    }

    private Mono<Void> recordApplied(ContactsSnapshot snapshot, LocalDateTime takenAt, int count) {
        String selfPuid = snapshot.self() != null ? snapshot.self().puid() : null;
        Values values = new Values()
                .put("appId", snapshot.appId(), String.class)
                .put("takenAt", takenAt, LocalDateTime.class)
                .put("selfPuid", selfPuid, String.class)
                .put("count", count, Integer.class)
                .put("appliedAt", Utc.now(), LocalDateTime.class);
        return db.sql("INSERT INTO contact_snapshots (app_id, taken_at, self_puid, contact_count, applied_at)"
                        + " VALUES (:appId, :takenAt, :selfPuid, :count, :appliedAt)"
                        + " ON DUPLICATE KEY UPDATE taken_at = VALUES(taken_at), self_puid = VALUES(self_puid),"
                        + " contact_count = VALUES(contact_count), applied_at = VALUES(applied_at),"
                        // A new version, in the transaction that rewrote the contacts: cached reads of the old one
                        // are never answered again (ContactStore, ReadCache). A first snapshot gets version 1.
                        + " version = version + 1")
                .bindValues(values.asMap())
                .then();
    }
}
