package dev.wechatapi.archive.sessions;

import dev.wechatapi.archive.store.Utc;
import dev.wechatapi.archive.store.Values;
import dev.wechatapi.events.SessionStateChanged;
import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the latest session state per app. A change older than the stored one (a replay) leaves the row as it
 * is; MariaDB evaluates the assignments left to right, so changed_at is compared before it is overwritten.
 */
@Component
public final class SessionStates {

    private static final String NEWER = "VALUES(changed_at) >= changed_at";

    private final DatabaseClient db;

    public SessionStates(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(SessionStateChanged change) {
        Values values = new Values()
                .put("appId", change.appId(), String.class)
                .put("state", change.state().name(), String.class)
                .put("accountPuid", change.accountPuid(), String.class)
                .put("accountName", change.accountName(), String.class)
                .put("reason", change.reason(), String.class)
                .put("changedAt", change.at() != null ? Utc.of(change.at()) : Utc.now(), LocalDateTime.class);
        return db.sql("INSERT INTO sessions (app_id, state, account_puid, account_name, reason, changed_at)"
                        + " VALUES (:appId, :state, :accountPuid, :accountName, :reason, :changedAt)"
                        + " ON DUPLICATE KEY UPDATE"
                        + " state = IF(" + NEWER + ", VALUES(state), state),"
                        + " account_puid = IF(" + NEWER + ", COALESCE(VALUES(account_puid), account_puid), account_puid),"
                        + " account_name = IF(" + NEWER + ", COALESCE(VALUES(account_name), account_name), account_name),"
                        + " reason = IF(" + NEWER + ", VALUES(reason), reason),"
                        + " changed_at = GREATEST(changed_at, VALUES(changed_at))")
                .bindValues(values.asMap())
                .then();
    }
}
