package dev.wechatapi.gateway.apps;

import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes the {@code apps} table over R2DBC, for the request paths and the admin API. */
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

  /** Every app, oldest first. */
  public Flux<AppSummary> list() {
    return database.sql(AppStatements.LIST).map(AppStore::toSummary).all();
  }

  /**
   * Registers an app; a null or blank token gets a random one.
   *
   * @return an {@link IllegalArgumentException} for a bad name or token, a {@link DuplicateAppNameException} for a
   *     name in use
   */
  public Mono<NewApp> register(String appName, @Nullable String token) {
    return Mono.fromCallable(() -> AppDraft.of(appName, token)).flatMap(draft -> database.sql(AppStatements.INSERT)
        .bind(0, draft.app().appId())
        .bind(1, draft.app().appName())
        .bind(2, draft.secretHash().salt())
        .bind(3, draft.secretHash().hash())
        .bind(4, draft.app().token())
        .then()
        // The unique key on app_name decides, so two operators racing on one name cannot both win.
        .onErrorMap(DataIntegrityViolationException.class, e -> new DuplicateAppNameException(draft.app().appName()))
        .thenReturn(draft.app()));
  }

  /**
   * Gives the app a new secret and a new signature token (this one, or a random one for a null or blank token);
   * empty for an unknown app. Tokens already issued are revoked separately ({@code AccessTokens.revokeAll}).
   *
   * @return an {@link IllegalArgumentException} for a token that is too long or has spaces
   */
  public Mono<RotatedSecret> rotateSecret(String appId, @Nullable String token) {
    return Mono.fromCallable(() -> AppDraft.signatureToken(token)).flatMap(signatureToken -> findById(appId)
        .flatMap(app -> {
          String secret = AppDraft.newSecret();
          SecretHash hash = SecretHash.of(secret);
          return database.sql(AppStatements.ROTATE)
              .bind(0, hash.salt())
              .bind(1, hash.hash())
              .bind(2, signatureToken)
              .bind(3, app.appId())
              .fetch().rowsUpdated()
              .filter(updated -> updated > 0)
              .map(updated -> new RotatedSecret(app.appId(), app.appName(), secret, signatureToken));
        }));
  }

  private static AppSummary toSummary(Readable row) {
    return new AppSummary(row.get("app_id", String.class), row.get("app_name", String.class),
        row.get("created_at", LocalDateTime.class));
  }

  private static App toApp(Readable row) {
    return new App(
        row.get("app_id", String.class),
        row.get("app_name", String.class),
        row.get("token", String.class),
        new SecretHash(row.get("app_secret_salt", String.class), row.get("app_secret_hash", String.class)));
  }
}
