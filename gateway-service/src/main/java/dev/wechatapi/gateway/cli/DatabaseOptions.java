package dev.wechatapi.gateway.cli;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Option;

/**
 * Where the gateway's database is, for commands that need it. Defaults come from the same settings the gateway
 * uses for its migrations: the system properties {@code spring.flyway.url/user/password} or the environment
 * variables {@code SPRING_FLYWAY_URL/USER/PASSWORD}.
 */
final class DatabaseOptions {

  @Option(
      names = "--db-url",
      paramLabel = "<jdbc-url>",
      defaultValue = "${sys:spring.flyway.url:-${env:SPRING_FLYWAY_URL:-"
          + "jdbc:mariadb://127.0.0.1:3306/wechat_gateway?createDatabaseIfNotExist=true}}",
      description = "JDBC URL of the gateway database (default: ${DEFAULT-VALUE}).")
  String url = "";

  @Option(
      names = "--db-user",
      paramLabel = "<user>",
      defaultValue = "${sys:spring.flyway.user:-${env:SPRING_FLYWAY_USER:-root}}",
      description = "Database user (default: ${DEFAULT-VALUE}).")
  String user = "";

  @Option(
      names = "--db-password",
      paramLabel = "<password>",
      defaultValue = "${sys:spring.flyway.password:-${env:SPRING_FLYWAY_PASSWORD:-}}",
      description = "Database password (default: empty).")
  String password = "";

  DataSource dataSource() {
    return new DriverManagerDataSource(url, user, password);
  }

  /** The one line a command prints when the database cannot be used. */
  String unusable(Exception failure) {
    return "error: cannot use the database at " + url + ": " + failure.getMessage();
  }
}
