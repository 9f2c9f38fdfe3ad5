package dev.wechatapi.gateway.apps;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads apps from the {@code apps} table over R2DBC. */
@Component
public class AppStore {

  private final DatabaseClient database;

  AppStore(DatabaseClient database) {
    this.database = database;
  }

  /** The app with this id; empty for an unknown or malformed id (without asking the database). */
  public Mono<App> findById(String appId) {
    if (!AppIds.isAppId(appId)) {
      return Mono.empty();
    }
    return database
        .sql("SELECT app_id, app_name, token, app_secret_salt, app_secret_hash FROM apps WHERE app_id = :appId")
        .bind("appId", appId)
        .map(AppStore::toApp)
        .one();
  }

  /** The app whose id and secret are these; empty if either is wrong. */
  public Mono<App> authenticate(String appId, String appSecret) {
    return findById(appId).filter(app -> app.secret().matches(appSecret));
  }

  private static App toApp(Readable row) {
    return new App(
        row.get("app_id", String.class),
        row.get("app_name", String.class),
        row.get("token", String.class),
        new SecretHash(row.get("app_secret_salt", String.class), row.get("app_secret_hash", String.class)));
  }
}
