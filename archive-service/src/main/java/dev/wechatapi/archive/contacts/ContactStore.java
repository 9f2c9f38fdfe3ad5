package dev.wechatapi.archive.contacts;

import dev.wechatapi.archive.store.Where;
import dev.wechatapi.archive.web.PageRequest;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads archived contacts. */
@Component
final class ContactStore {

    private static final String COLUMNS = "puid, name, nick_name, user_name, remark_name, avatar_media_id, signature,"
            + " sex, province, city";

    private final DatabaseClient db;

    ContactStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> count(Where where) {
        return db.sql("SELECT COUNT(*) AS n FROM contacts" + where.sql())
                .bindValues(where.parameters())
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** One page of contacts; {@code orderBy} comes from {@link dev.wechatapi.archive.web.Ordering}, never from input. */
    Flux<FriendRow> friends(Where where, String orderBy, PageRequest page) {
        return db.sql("SELECT " + COLUMNS + " FROM contacts" + where.sql() + " ORDER BY " + orderBy
                        + " LIMIT " + page.size() + " OFFSET " + page.offset())
                .bindValues(where.parameters())
                .map(ContactStore::friend)
                .all();
    }

    private static FriendRow friend(Readable row) {
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
