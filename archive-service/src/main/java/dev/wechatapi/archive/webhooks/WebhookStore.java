package dev.wechatapi.archive.webhooks;

import dev.wechatapi.archive.store.Utc;
import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code webhooks} table: one URL and secret per app. */
@Component
final class WebhookStore {

    private final DatabaseClient db;

    WebhookStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Webhook> find(String appId) {
        return db.sql("SELECT * FROM webhooks WHERE app_id = :appId")
                .bind("appId", appId)
                .map(WebhookStore::webhook)
                .one();
    }

    /**
     * Sets the app's URL in one statement, so concurrent PUTs cannot both create a secret: a new webhook gets
     * {@code newSecret}, an existing one keeps its secret unless {@code rotate}.
     */
    Mono<Webhook> save(String appId, String url, boolean rotate, String newSecret) {
        LocalDateTime now = Utc.now();
        return db.sql("INSERT INTO webhooks (app_id, url, secret, created, updated)"
                        + " VALUES (:appId, :url, :secret, :now, :now)"
                        + " ON DUPLICATE KEY UPDATE url = VALUES(url), updated = VALUES(updated),"
                        + " secret = IF(:rotate, VALUES(secret), secret)")
                .bind("appId", appId)
                .bind("url", url)
                .bind("secret", newSecret)
                .bind("now", now)
                .bind("rotate", rotate)
                .then()
                .then(find(appId));
    }

    /** Emits whether there was a webhook to delete. */
    Mono<Boolean> delete(String appId) {
        return db.sql("DELETE FROM webhooks WHERE app_id = :appId")
                .bind("appId", appId)
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted > 0);
    }

    /** Those of the given apps that have a webhook. */
    Flux<String> withWebhook(Collection<String> appIds) {
        return db.sql("SELECT app_id FROM webhooks WHERE app_id IN (:appIds)")
                .bind("appIds", appIds)
                .map(row -> row.get("app_id", String.class))
                .all();
    }

    private static Webhook webhook(Readable row) {
        return new Webhook(
                row.get("app_id", String.class),
                row.get("url", String.class),
                row.get("secret", String.class),
                row.get("created", LocalDateTime.class),
                row.get("updated", LocalDateTime.class));
    }
}
