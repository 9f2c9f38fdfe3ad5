package dev.wechatapi.archive.messages;

import dev.wechatapi.archive.store.ReadCache;
import dev.wechatapi.archive.web.PageRequest;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageType;
import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads archived messages. A page is read in two steps (a deferred join): the page's keys from an index that
 * holds the filter and the whole order, skipping the offset inside the index, then only the page's own rows. The
 * count of a list filtered by nothing but the type comes from {@code message_counts}, and so does the version of
 * that list (its change counter): the pages of such a list are answered through the {@link ReadCache}.
 */
@Component
final class MessageStore {

    private final DatabaseClient db;
    private final ReadCache cache;

    MessageStore(DatabaseClient db, ReadCache cache) {
        this.db = db;
        this.cache = cache;
    }

    /**
     * The length of a list and, when {@code message_counts} holds it, the list's version: the sum of the change
     * counters it covers, which only grow, so an unchanged sum means unchanged rows. Null for other filters.
     */
    record Count(long n, @Nullable Long version) {}

    Mono<Count> count(MessageQuery query) {
        if (query.countedByType()) {
            String sql = "SELECT COALESCE(SUM(n), 0) AS n, COALESCE(SUM(changes), 0) AS changes FROM message_counts"
                    + " WHERE app_id = :appId" + (query.type() != null ? " AND type = :type" : "");
            DatabaseClient.GenericExecuteSpec count = db.sql(sql).bind("appId", query.appId());
            return (query.type() != null ? count.bind("type", query.type()) : count)
                    .map(row -> new Count(row.get("n", Long.class), row.get("changes", Long.class)))
                    .one();
        }
        return db.sql("SELECT COUNT(*) AS n FROM messages" + indexHint(query, "create_time") + query.where().sql())
                .bindValues(query.where().parameters())
                .map(row -> new Count(row.get("n", Long.class), null))
                .one();
    }

    /**
     * One page of messages of a list whose {@link #count} was {@code count}; {@code orderBy} comes from
     * {@link dev.wechatapi.archive.web.Ordering}, never from input.
     */
    Flux<MessageRow> messages(MessageQuery query, String orderBy, PageRequest page, Count count) {
        Map<String, Object> parameters = new HashMap<>(query.where().parameters());
        parameters.put("pageAppId", query.appId());
        String sql = "SELECT m.* FROM (SELECT msg_id, direction FROM messages" + indexHint(query, orderBy)
                + query.where().sql() + " ORDER BY " + orderBy
                + " LIMIT " + page.size() + " OFFSET " + page.offset() + ") page"
                + " JOIN messages m ON m.app_id = :pageAppId AND m.msg_id = page.msg_id"
                + " AND m.direction = page.direction"
                + " ORDER BY " + orderBy.replaceAll("(^|, )(\\w)", "$1m.$2");
        Supplier<Flux<MessageRow>> read = () -> db.sql(sql)
                .bindValues(parameters)
                .map(MessageStore::message)
                .all();
        if (count.version() == null) {
            return read.get();
        }
        // A message archived between the count and this read may show in rows cached under the older version, as
        // it would uncached; no request reads that version again once the newer one is committed.
        return cache.rows(new ReadCache.Key(query.appId(), count.version(), sql, parameters), read)
                .flatMapIterable(rows -> rows);
    }

    /** One message by its key, or empty when the archive does not hold it. */
    Mono<MessageRow> message(String appId, long msgId, String direction) {
        return db.sql("SELECT * FROM messages WHERE app_id = :appId AND msg_id = :msgId AND direction = :direction")
                .bind("appId", appId)
                .bind("msgId", msgId)
                .bind("direction", direction)
                .map(MessageStore::message)
                .one();
    }

    /**
     * One message by its id. A message sent to oneself is archived twice (received and sent) under one id; the sent
     * one is answered, the one the list shows first.
     */
    Mono<MessageRow> message(String appId, long msgId) {
        return db.sql("SELECT * FROM messages WHERE app_id = :appId AND msg_id = :msgId"
                        + " ORDER BY direction DESC LIMIT 1")
                .bind("appId", appId)
                .bind("msgId", msgId)
                .map(MessageStore::message)
                .one();
    }

    private static String indexHint(MessageQuery query, String orderBy) {
        String index = orderBy.startsWith("create_time") ? query.createTimeIndex() : null;
        return index != null ? " FORCE INDEX (" + index + ")" : "";
    }

    private static MessageRow message(Readable row) {
        String cardUserName = row.get("card_user_name", String.class);
        String cardNickName = row.get("card_nick_name", String.class);
        Integer cardSex = row.get("card_sex", Integer.class);
        // card_sex is written for every card (its sex is never null), so it tells whether there was one.
        MessageContent.Card card = cardSex == null ? null : new MessageContent.Card(
                cardUserName,
                cardNickName,
                row.get("card_alias", String.class),
                row.get("card_province", String.class),
                row.get("card_city", String.class),
                row.get("card_signature", String.class),
                cardSex,
                row.get("card_avatar", String.class));
        MessageContent content = new MessageContent(
                row.get("text", String.class),
                row.get("url", String.class),
                row.get("map_x", Double.class),
                row.get("map_y", Double.class),
                row.get("map_scale", Integer.class),
                row.get("map_label", String.class),
                row.get("map_type", String.class),
                row.get("poi_name", String.class),
                row.get("poi_id", String.class),
                row.get("media_id", String.class),
                row.get("img_height", Integer.class),
                row.get("img_width", Integer.class),
                row.get("voice_length", Integer.class),
                row.get("file_size", Long.class),
                row.get("file_name", String.class),
                row.get("play_length", Integer.class),
                card);
        Boolean isAt = row.get("is_at", Boolean.class);
        return new MessageRow(
                row.get("msg_id", Long.class),
                MessageType.valueOf(row.get("type", String.class)),
                kind(row.get("sender_kind", String.class)),
                row.get("sender_puid", String.class),
                kind(row.get("receiver_kind", String.class)),
                row.get("receiver_puid", String.class),
                row.get("member_puid", String.class),
                Boolean.TRUE.equals(isAt),
                content,
                row.get("create_time", LocalDateTime.class),
                row.get("receive_time", LocalDateTime.class));
    }

    private static @Nullable ContactKind kind(@Nullable String name) {
        return name == null ? null : ContactKind.valueOf(name);
    }
}
