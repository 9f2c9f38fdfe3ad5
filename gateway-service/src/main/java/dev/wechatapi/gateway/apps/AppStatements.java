package dev.wechatapi.gateway.apps;

/** The SQL both the JDBC registry and the R2DBC store run, with positional ({@code ?}) parameters. */
final class AppStatements {

  static final String INSERT =
      "INSERT INTO apps (app_id, app_name, app_secret_salt, app_secret_hash, token) VALUES (?, ?, ?, ?, ?)";
  static final String LIST = "SELECT app_id, app_name, created_at FROM apps ORDER BY created_at, app_id";
  static final String FIND_BY_NAME = "SELECT app_id, app_name, created_at FROM apps WHERE app_name = ?";
  static final String ROTATE =
      "UPDATE apps SET app_secret_salt = ?, app_secret_hash = ?, token = ? WHERE app_id = ?";

  private AppStatements() {}
}
