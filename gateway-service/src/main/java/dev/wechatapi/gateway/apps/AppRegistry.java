package dev.wechatapi.gateway.apps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * Creates apps over plain JDBC, for operator commands that run without the reactive stack.
 *
 * <pre>NewApp app = new AppRegistry(dataSource).migrate().register("demo", null);</pre>
 */
public final class AppRegistry {

  /** Longest accepted app name and token, in characters (the columns are VARCHAR(100)). */
  public static final int MAX_LENGTH = 100;

  private final DataSource dataSource;

  public AppRegistry(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Brings the schema up to date: the same migrations the gateway runs at start-up. */
  public AppRegistry migrate() {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return this;
  }

  /**
   * Registers an app. A null or blank token gets a random one.
   *
   * @throws IllegalArgumentException for a blank or too long name, or a token that is too long or has spaces
   */
  public NewApp register(String appName, @Nullable String token) throws DuplicateAppNameException, SQLException {
    String name = appName.strip();
    if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException("app_name must be 1 to " + MAX_LENGTH + " characters");
    }
    boolean generated = token == null || token.isBlank();
    String signatureToken = generated ? AppIds.randomUrlSafe(24) : token.strip();
    if (signatureToken.length() > MAX_LENGTH || signatureToken.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("token must be at most " + MAX_LENGTH + " characters without spaces");
    }
    String appId = AppIds.newAppId();
    String secret = AppIds.randomUrlSafe(32);
    SecretHash hash = SecretHash.of(secret);
    String insert = "INSERT INTO apps (app_id, app_name, app_secret_salt, app_secret_hash, token) VALUES (?, ?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(insert)) {
      statement.setString(1, appId);
      statement.setString(2, name);
      statement.setString(3, hash.salt());
      statement.setString(4, hash.hash());
      statement.setString(5, signatureToken);
      statement.executeUpdate();
    } catch (SQLIntegrityConstraintViolationException e) {
      // The unique key on app_name decides, so two operators racing on one name cannot both win.
      throw new DuplicateAppNameException(name);
    }
    return new NewApp(appId, name, secret, signatureToken, generated);
  }
}
