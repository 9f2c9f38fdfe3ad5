package dev.wechatapi.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.apps.SecretHash;
import dev.wechatapi.testsupport.Database;
import dev.wechatapi.testsupport.TestMariaDb;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CreateWechatAppCommandTest {

  private static final Database DATABASE = TestMariaDb.newDatabase("gateway_cli");

  @Test
  void createsAnAppAndPrintsItsIdAndSecretOnePerLine() throws Exception {
    Run run = run(Reader.nullReader(), "createwechatapp", "--name", "demo-" + UUID.randomUUID(), "--token", "tok3n");

    assertThat(run.exitCode()).isZero();
    assertThat(run.values().get("app_id")).matches("[0-9a-f]{32}");
    assertThat(run.values().get("app_secret")).matches("[A-Za-z0-9_-]{43}");
    assertThat(run.values().get("token")).isEqualTo("tok3n");
    Map<String, String> row = storedRow(run.values().get("app_id"));
    assertThat(row.get("app_secret_hash")).doesNotContain(run.values().get("app_secret"));
    assertThat(new SecretHash(row.get("app_secret_salt"), row.get("app_secret_hash")).matches(
        run.values().get("app_secret"))).isTrue();
  }

  @Test
  void chineseAndEmojiNamesRoundTrip() throws Exception {
    String name = "微信机器人🤖" + UUID.randomUUID();

    Run run = run(Reader.nullReader(), "createwechatapp", "--name", name);

    assertThat(run.exitCode()).isZero();
    assertThat(run.values().get("app_name")).isEqualTo(name);
    assertThat(storedRow(run.values().get("app_id")).get("app_name")).isEqualTo(name);
    assertThat(run.values().get("token")).as("a generated token").hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void aDuplicateNameIsAClearErrorWithExitCodeOne() {
    String name = "twice-" + UUID.randomUUID();
    assertThat(run(Reader.nullReader(), "createwechatapp", "--name", name).exitCode()).isZero();

    Run second = run(Reader.nullReader(), "createwechatapp", "--name", name);

    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.err()).contains("already exists").contains(name);
    assertThat(second.values()).doesNotContainKey("app_secret");
  }

  @Test
  void withoutANameItAsksForNameAndToken() throws Exception {
    String name = "交互-" + UUID.randomUUID();

    Run run = run(new StringReader(name + "\nmy-token\n"), "createwechatapp");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("app_name: ").contains("token (empty: generate one): ");
    assertThat(run.values().get("app_name")).isEqualTo(name);
    assertThat(storedRow(run.values().get("app_id")).get("token")).isEqualTo("my-token");
  }

  @Test
  void anEmptyAnswerForTheNameIsRefused() {
    Run run = run(new StringReader("\n"), "createwechatapp");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("app_name is required");
  }

  @Test
  void anUnreachableDatabaseIsAnErrorNotAStackTrace() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = GatewayCli.execute(Reader.nullReader(), new PrintWriter(out), new PrintWriter(err),
        "createwechatapp", "--name", "x", "--db-url", "jdbc:mariadb://127.0.0.1:1/nowhere?connectTimeout=500");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: cannot use the database").doesNotContain("\tat ");
  }

  @Test
  void onlyCommandNamesAreDispatchedToTheCli() {
    assertThat(GatewayCli.handles(new String[] {"createwechatapp", "--name", "x"})).isTrue();
    assertThat(GatewayCli.handles(new String[] {"help"})).isTrue();
    assertThat(GatewayCli.handles(new String[] {"--server.port=9090"})).isFalse();
    assertThat(GatewayCli.handles(new String[] {})).isFalse();
  }

  private static Run run(Reader input, String... args) {
    String[] withDatabase = Arrays.copyOf(args, args.length + 6);
    System.arraycopy(new String[] {"--db-url", DATABASE.jdbcUrl(), "--db-user", DATABASE.username(),
        "--db-password", DATABASE.password()}, 0, withDatabase, args.length, 6);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = GatewayCli.execute(input, new PrintWriter(out), new PrintWriter(err), withDatabase);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Map<String, String> storedRow(String appId) throws Exception {
    try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.username(),
            DATABASE.password());
        PreparedStatement select = connection.prepareStatement(
            "SELECT app_name, token, app_secret_salt, app_secret_hash FROM apps WHERE app_id = ?")) {
      select.setString(1, appId);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        return Map.of("app_name", row.getString(1), "token", row.getString(2), "app_secret_salt", row.getString(3),
            "app_secret_hash", row.getString(4));
      }
    }
  }

  /** One command run: its exit code, its output, and the {@code key: value} lines of that output. */
  private record Run(int exitCode, String out, String err) {

    Map<String, String> values() {
      return out.lines()
          .filter(line -> line.matches("[a-z_]+: .*"))
          .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(": ")),
              line -> line.substring(line.indexOf(": ") + 2), (first, second) -> second));
    }
  }
}
