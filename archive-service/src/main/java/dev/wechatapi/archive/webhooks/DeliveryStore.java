package dev.wechatapi.archive.webhooks;

import dev.wechatapi.archive.store.MultiRowInsert;
import dev.wechatapi.archive.web.PageRequest;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.EventTypes;
import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code webhook_deliveries} table. Rows are claimed with a conditional UPDATE that any number of replicas can
 * run at once: it takes only rows that are due, and moves them to the end of the claim's lease, so another
 * replica's UPDATE no longer sees them as due; the claim's token then selects exactly the rows it took.
 */
@Component
final class DeliveryStore {

    // A replayed event hits the unique (app_id, msg_id, direction) and changes nothing.
    static final MultiRowInsert INSERT = MultiRowInsert.into("webhook_deliveries",
            List.of("app_id", "msg_id", "direction", "event_type", "status", "attempts", "next_attempt_at", "created"),
            List.of(String.class, Long.class, String.class, String.class, String.class, Integer.class,
                    LocalDateTime.class, LocalDateTime.class),
            " ON DUPLICATE KEY UPDATE id = id", 1_000);

    private static final String RETRYING = DeliveryStatus.RETRYING.value();

    private final DatabaseClient db;

    DeliveryStore(DatabaseClient db) {
        this.db = db;
    }

    /** New deliveries, due at once; emits how many rows were really inserted. */
    Mono<Long> insert(List<@Nullable Object[]> rows) {
        return INSERT.run(db, rows);
    }

    /**
     * The deliveries of these apps' messages (by WeChat id, either direction) archived while the app had its webhook,
     * that is at or after the webhook's creation, due at once; emits the rows the database reports. A message archived
     * before, read again by a replay of its topic, gets none: a replay must not forward old messages.
     */
    Mono<Long> insertForArchived(Collection<String> appIds, Collection<Long> msgIds, LocalDateTime now) {
        return db.sql("INSERT INTO webhook_deliveries"
                        + " (app_id, msg_id, direction, event_type, status, attempts, next_attempt_at, created)"
                        + " SELECT m.app_id, m.msg_id, m.direction,"
                        + " CASE m.direction WHEN :sentDirection THEN :sentType ELSE :receivedType END,"
                        + " :retrying, 0, :now, :now"
                        + " FROM messages m JOIN webhooks w ON w.app_id = m.app_id AND m.archived_at >= w.created"
                        + " WHERE m.app_id IN (:appIds) AND m.msg_id IN (:msgIds)"
                        + " ON DUPLICATE KEY UPDATE id = id")
                .bind("sentDirection", Direction.SENT.name())
                .bind("sentType", EventTypes.MESSAGE_SENT)
                .bind("receivedType", EventTypes.MESSAGE_RECEIVED)
                .bind("retrying", RETRYING)
                .bind("now", now)
                .bind("appIds", appIds)
                .bind("msgIds", msgIds)
                .fetch().rowsUpdated();
    }

    /** Apps with at least one delivery due at {@code now}. */
    Flux<String> appsWithDueDeliveries(LocalDateTime now) {
        return db.sql("SELECT app_id FROM webhook_deliveries WHERE status = :retrying"
                        + " GROUP BY app_id HAVING MIN(next_attempt_at) <= :now")
                .bind("retrying", RETRYING)
                .bind("now", now)
                .map(row -> row.get("app_id", String.class))
                .all();
    }

    /** Claims up to {@code limit} of the app's due deliveries, oldest due first, until {@code leaseEnd}. */
    Flux<Delivery> claim(String appId, int limit, String token, LocalDateTime now, LocalDateTime leaseEnd) {
        return db.sql("UPDATE webhook_deliveries SET claimed_by = :token, next_attempt_at = :leaseEnd"
                        + " WHERE status = :retrying AND app_id = :appId AND next_attempt_at <= :now"
                        + " ORDER BY next_attempt_at, id LIMIT " + limit)
                .bind("token", token)
                .bind("leaseEnd", leaseEnd)
                .bind("retrying", RETRYING)
                .bind("appId", appId)
                .bind("now", now)
                .then()
                .thenMany(db.sql("SELECT * FROM webhook_deliveries WHERE claimed_by = :token")
                        .bind("token", token)
                        .map(DeliveryStore::delivery)
                        .all());
    }

    /** Records an attempt's outcome, if the claim still holds (a removed webhook parks and unclaims its rows). */
    Mono<Void> record(Delivery claimed, String token, Attempt attempt, DeliveryStatus status,
            @Nullable LocalDateTime nextAttemptAt, LocalDateTime now) {
        return db.sql("UPDATE webhook_deliveries SET status = :status, attempts = attempts + 1,"
                        + " last_status_code = :code, last_error = :error, next_attempt_at = :next,"
                        + " delivered_at = :deliveredAt, claimed_by = NULL WHERE id = :id AND claimed_by = :token")
                .bind("status", status.value())
                .bind("code", nullable(attempt.statusCode(), Integer.class))
                .bind("error", nullable(truncated(attempt.error()), String.class))
                .bind("next", nullable(nextAttemptAt, LocalDateTime.class))
                .bind("deliveredAt", nullable(status == DeliveryStatus.DELIVERED ? now : null, LocalDateTime.class))
                .bind("id", claimed.id())
                .bind("token", token)
                .then();
    }

    /** Parks a claimed delivery that cannot be attempted at all, without counting an attempt. */
    Mono<Void> park(Delivery claimed, String token, String reason) {
        return db.sql("UPDATE webhook_deliveries SET status = 'parked', last_error = :error, next_attempt_at = NULL,"
                        + " claimed_by = NULL WHERE id = :id AND claimed_by = :token")
                .bind("error", reason)
                .bind("id", claimed.id())
                .bind("token", token)
                .then();
    }

    /** Parks every undelivered delivery of the app, e.g. when its webhook is removed. */
    Mono<Void> parkAll(String appId, String reason) {
        return db.sql("UPDATE webhook_deliveries SET status = 'parked', last_error = :error, next_attempt_at = NULL,"
                        + " claimed_by = NULL WHERE app_id = :appId AND status = :retrying")
                .bind("error", reason)
                .bind("appId", appId)
                .bind("retrying", RETRYING)
                .then();
    }

    /** Makes a parked delivery due now with a fresh set of attempts; emits whether it was parked. */
    Mono<Boolean> requeue(String appId, long id, LocalDateTime now) {
        return db.sql("UPDATE webhook_deliveries SET status = :retrying, attempts = 0, next_attempt_at = :now"
                        + " WHERE id = :id AND app_id = :appId AND status = 'parked'")
                .bind("retrying", RETRYING)
                .bind("now", now)
                .bind("id", id)
                .bind("appId", appId)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated > 0);
    }

    Mono<Delivery> find(String appId, long id) {
        return db.sql("SELECT * FROM webhook_deliveries WHERE id = :id AND app_id = :appId")
                .bind("id", id)
                .bind("appId", appId)
                .map(DeliveryStore::delivery)
                .one();
    }

    Mono<Long> count(String appId, @Nullable DeliveryStatus status) {
        return db.sql("SELECT COUNT(*) AS n FROM webhook_deliveries" + where(status))
                .bindValues(parameters(appId, status))
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** A page of the app's deliveries, newest first. */
    Flux<Delivery> page(String appId, @Nullable DeliveryStatus status, PageRequest page) {
        return db.sql("SELECT * FROM webhook_deliveries" + where(status) + " ORDER BY id DESC"
                        + " LIMIT " + page.size() + " OFFSET " + page.offset())
                .bindValues(parameters(appId, status))
                .map(DeliveryStore::delivery)
                .all();
    }

    private static String where(@Nullable DeliveryStatus status) {
        return " WHERE app_id = :appId" + (status != null ? " AND status = :status" : "");
    }

    private static Map<String, Object> parameters(String appId, @Nullable DeliveryStatus status) {
        return status != null ? Map.of("appId", appId, "status", status.value()) : Map.of("appId", appId);
    }

    private static <T> Parameter nullable(@Nullable T value, Class<T> type) {
        return Parameter.fromOrEmpty(value, type);
    }

    // last_error holds 1,000 characters.
    private static @Nullable String truncated(@Nullable String error) {
        return error == null || error.length() <= 1_000 ? error : error.substring(0, 997) + "...";
    }

    private static Delivery delivery(Readable row) {
        return new Delivery(
                row.get("id", Long.class),
                row.get("app_id", String.class),
                row.get("msg_id", Long.class),
                Direction.valueOf(row.get("direction", String.class)),
                row.get("event_type", String.class),
                DeliveryStatus.of(row.get("status", String.class)),
                row.get("attempts", Integer.class),
                row.get("next_attempt_at", LocalDateTime.class),
                row.get("last_status_code", Integer.class),
                row.get("last_error", String.class),
                row.get("created", LocalDateTime.class),
                row.get("delivered_at", LocalDateTime.class));
    }
}
