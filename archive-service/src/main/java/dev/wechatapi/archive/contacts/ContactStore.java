package dev.wechatapi.archive.contacts;

import dev.wechatapi.archive.store.Where;
import dev.wechatapi.archive.web.PageRequest;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads archived contacts and group members. Every {@code orderBy} comes from
 * {@link dev.wechatapi.archive.web.Ordering}, never from input.
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

    ContactStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> count(Where where) {
        return count("contacts", where);
    }

    Mono<Long> countMembers(Where where) {
        return count("group_members", where);
    }

    Mono<Boolean> groupExists(String appId, String groupPuid) {
        return count(Where.appId(appId).equal("kind", "GROUP").equal("puid", groupPuid)).map(n -> n > 0);
    }

    Flux<FriendRow> friends(Where where, String orderBy, PageRequest page) {
        return db.sql(select("puid, " + PERSON_COLUMNS, "contacts", where, orderBy, page))
                .bindValues(where.parameters())
                .map(ContactStore::person)
                .all();
    }

    Flux<FriendRow> members(Where where, String orderBy, PageRequest page) {
        return db.sql(select("member_puid AS puid, " + PERSON_COLUMNS, "group_members", where, orderBy, page))
                .bindValues(where.parameters())
                .map(ContactStore::person)
                .all();
    }

    Flux<GroupRow> groups(Where where, String orderBy, PageRequest page) {
        return db.sql(select(GROUP_COLUMNS, "contacts", where, orderBy, page))
                .bindValues(where.parameters())
                .map(row -> new GroupRow(
                        row.get("puid", String.class),
                        row.get("name", String.class),
                        row.get("nick_name", String.class),
                        row.get("user_name", String.class),
                        row.get("avatar_media_id", String.class),
                        row.get("owner", String.class)))
                .all();
    }

    Flux<MpView> mps(Where where, String orderBy, PageRequest page) {
        return db.sql(select(MP_COLUMNS, "contacts", where, orderBy, page))
                .bindValues(where.parameters())
                .map(row -> new MpView(
                        row.get("puid", String.class),
                        row.get("name", String.class),
                        row.get("nick_name", String.class),
                        row.get("province", String.class),
                        row.get("city", String.class),
                        row.get("signature", String.class)))
                .all();
    }

    private Mono<Long> count(String table, Where where) {
        return db.sql("SELECT COUNT(*) AS n FROM " + table + where.sql())
                .bindValues(where.parameters())
                .map(row -> row.get("n", Long.class))
                .one();
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
