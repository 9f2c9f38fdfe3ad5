package dev.wechatapi.archive.contacts;

import dev.wechatapi.archive.store.ReadCache;
import dev.wechatapi.archive.store.Where;
import dev.wechatapi.archive.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads archived contacts and group members. Every {@code orderBy} comes from
 * {@link dev.wechatapi.archive.web.Ordering}, never from input. Contacts change only when a snapshot is applied,
 * so every read but {@link #version} is answered through the {@link ReadCache} under the app's contacts version.
 */
@Component
final class ContactStore {

    private static final String PERSON_COLUMNS = "name, nick_name, user_name, remark_name, avatar_media_id, signature,"
            + " sex, province, city";
    // The owner of a group is the bound account: the self puid of the snapshot the group came with.
    private static final String GROUP_COLUMNS = "puid, name, nick_name, user_name, avatar_media_id,"
            + " (SELECT s.self_puid FROM contact_snapshots s WHERE s.app_id = contacts.app_id) AS owner";
    private static final String MP_COLUMNS = "puid, name, nick_name, province, city, signature";

    private final DatabaseClient db;
    private final ReadCache cache;

    ContactStore(DatabaseClient db, ReadCache cache) {
        this.db = db;
        this.cache = cache;
    }

    /** The app's contacts as of one applied snapshot: what the reads below are cached under. */
    record Version(String appId, long version) {}

    /** The current version of the app's contacts; version 0 before its first snapshot. */
    Mono<Version> version(String appId) {
        return db.sql("SELECT version FROM contact_snapshots WHERE app_id = :appId")
                .bind("appId", appId)
                .map(row -> row.get("version", Long.class))
                .one()
                .defaultIfEmpty(0L)
                .map(version -> new Version(appId, version));
    }

    Mono<Long> count(Version version, Where where) {
        return count(version, "contacts", where);
    }

    Mono<Long> countMembers(Version version, Where where) {
        return count(version, "group_members", where);
    }

    Mono<Boolean> groupExists(Version version, String groupPuid) {
        return count(version, Where.appId(version.appId()).equal("kind", "GROUP").equal("puid", groupPuid))
                .map(n -> n > 0);
    }

    Flux<FriendRow> friends(Version version, Where where, String orderBy, PageRequest page) {
        return rows(version, select("puid, " + PERSON_COLUMNS, "contacts", where, orderBy, page), where,
                ContactStore::person);
    }

    Flux<FriendRow> members(Version version, Where where, String orderBy, PageRequest page) {
        return rows(version, select("member_puid AS puid, " + PERSON_COLUMNS, "group_members", where, orderBy, page),
                where, ContactStore::person);
    }

    Flux<GroupRow> groups(Version version, Where where, String orderBy, PageRequest page) {
        return rows(version, select(GROUP_COLUMNS, "contacts", where, orderBy, page), where, row -> new GroupRow(
                row.get("puid", String.class),
                row.get("name", String.class),
                row.get("nick_name", String.class),
                row.get("user_name", String.class),
                row.get("avatar_media_id", String.class),
                row.get("owner", String.class)));
    }

    Flux<MpView> mps(Version version, Where where, String orderBy, PageRequest page) {
        return rows(version, select(MP_COLUMNS, "contacts", where, orderBy, page), where, row -> new MpView(
                row.get("puid", String.class),
                row.get("name", String.class),
                row.get("nick_name", String.class),
                row.get("province", String.class),
                row.get("city", String.class),
                row.get("signature", String.class)));
    }

    private Mono<Long> count(Version version, String table, Where where) {
        String sql = "SELECT COUNT(*) AS n FROM " + table + where.sql();
        return cache.value(key(version, sql, where), () -> db.sql(sql)
                .bindValues(where.parameters())
                .map(row -> row.get("n", Long.class))
                .one());
    }

    private <T> Flux<T> rows(Version version, String sql, Where where, Function<Readable, T> mapping) {
        return cache.rows(key(version, sql, where), () -> db.sql(sql)
                        .bindValues(where.parameters())
                        .map(mapping)
                        .all())
                .flatMapIterable(rows -> rows);
    }

    // Every Where starts with the app id (Where.appId), so the parameters name the app as well as the key does.
    private static ReadCache.Key key(Version version, String sql, Where where) {
        return new ReadCache.Key(version.appId(), version.version(), sql, where.parameters());
    }

    private static String select(String columns, String table, Where where, String orderBy, PageRequest page) {
        return "SELECT " + columns + " FROM " + table + where.sql() + " ORDER BY " + orderBy
                + " LIMIT " + page.size() + " OFFSET " + page.offset();
    }

    private static FriendRow person(Readable row) {
        Integer sex = row.get("sex", Integer.class);
        return new FriendRow(
                row.get("puid", String.class),
                row.get("name", String.class),
                row.get("nick_name", String.class),
                row.get("user_name", String.class),
                row.get("remark_name", String.class),
                row.get("avatar_media_id", String.class),
                row.get("signature", String.class),
                sex != null ? sex : 0,
                row.get("province", String.class),
                row.get("city", String.class));
    }
}
