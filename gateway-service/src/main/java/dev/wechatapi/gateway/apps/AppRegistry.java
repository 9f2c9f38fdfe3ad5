package dev.wechatapi.gateway.apps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * Creates, lists and re-keys apps over plain JDBC, for operator commands that run without the reactive stack.
 *
 * <pre>NewApp app = new AppRegistry(dataSource).migrate().register("demo", null);</pre>
 */
public final class AppRegistry {

  /** The gateway's schema migrations (its own folder: the archive's share the class path in the all-in-one mode). */
  public static final String MIGRATIONS = "classpath:db/gateway";

  /** Longest accepted app name and token, in characters (the columns are VARCHAR(100)). */
  public static final int MAX_LENGTH = AppDraft.MAX_LENGTH;

  private final DataSource dataSource;

  public AppRegistry(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Brings the schema up to date: the same migrations the gateway runs at start-up. */
  public AppRegistry migrate() {
    Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
    return this;
  }

  /**
   * Registers an app. A null or blank token gets a random one.
   *
   * @throws IllegalArgumentException for a blank or too long name, or a token that is too long or has spaces
   */
  public NewApp register(String appName, @Nullable String token) throws DuplicateAppNameException, SQLException {
    AppDraft draft = AppDraft.of(appName, token);
    NewApp app = draft.app();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(AppStatements.INSERT)) {
      statement.setString(1, app.appId());
      statement.setString(2, app.appName());
      statement.setString(3, draft.secretHash().salt());
      statement.setString(4, draft.secretHash().hash());
      statement.setString(5, app.token());
      statement.executeUpdate();
    } catch (SQLIntegrityConstraintViolationException e) {
      // The unique key on app_name decides, so two operators racing on one name cannot both win.
      throw new DuplicateAppNameException(app.appName());
    }
    return app;
  }

  /** Every app, oldest first. */
  public List<AppSummary> list() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(AppStatements.LIST);
        ResultSet rows = statement.executeQuery()) {
      List<AppSummary> apps = new ArrayList<>();
      while (rows.next()) {
        apps.add(new AppSummary(rows.getString("app_id"), rows.getString("app_name"),
            rows.getTimestamp("created_at").toLocalDateTime()));
      }
      return apps;
    }
  }

  /** The app of this name; empty if there is none. */
  public Optional<AppSummary> findByName(String appName) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(AppStatements.FIND_BY_NAME)) {
      statement.setString(1, appName.strip());
      try (ResultSet row = statement.executeQuery()) {
        return row.next()
            ? Optional.of(new AppSummary(row.getString("app_id"), row.getString("app_name"),
                row.getTimestamp("created_at").toLocalDateTime()))
            : Optional.empty();
      }
    }
  }

  /**
   * Gives the named app a new secret and a new signature token (this one, or a random one for a null or blank
   * token); empty if there is no such app. Tokens already issued are revoked separately, in Redis.
   *
   * @throws IllegalArgumentException for a token that is too long or has spaces
   */
  public Optional<RotatedSecret> rotateSecret(String appName, @Nullable String token) throws SQLException {
    String signatureToken = AppDraft.signatureToken(token);
    Optional<AppSummary> app = findByName(appName);
    if (app.isEmpty()) {
      return Optional.empty();
    }
    String secret = AppDraft.newSecret();
    SecretHash hash = SecretHash.of(secret);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(AppStatements.ROTATE)) {
      statement.setString(1, hash.salt());
      statement.setString(2, hash.hash());
      statement.setString(3, signatureToken);
      statement.setString(4, app.get().appId());
      if (statement.executeUpdate() == 0) {
        return Optional.empty();
      }
    }
    return Optional.of(new RotatedSecret(app.get().appId(), app.get().appName(), secret, signatureToken));
  }
}
