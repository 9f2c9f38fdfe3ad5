package dev.wechatapi.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.apps.AppRegistry;
import dev.wechatapi.gateway.apps.NewApp;
import dev.wechatapi.gateway.apps.SecretHash;
import dev.wechatapi.testsupport.Database;
import dev.wechatapi.testsupport.TestMariaDb;
import dev.wechatapi.testsupport.TestRedis;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class OperatorCommandsTest {

  private static final Database DATABASE = TestMariaDb.newDatabase("gateway_ops");

  private final MockWebServer sessionService = new MockWebServer();

  @BeforeEach
  void startSessionService() throws Exception {
    sessionService.start();
  }

  @AfterEach
  void stopSessionService() {
    sessionService.close();
  }

  @Test
  void updateBotAsksTheSessionServiceAsTheAppAndPrintsTheOutcome() throws Exception {
    NewApp app = register("更新机器人🤖-" + UUID.randomUUID());
    sessionService.enqueue(new MockResponse.Builder().code(201)
        .setHeader("Content-Type", "application/json;charset=UTF-8").body("{\"msg\":\"更新成功!\"}").build());

    Run run = run("update_bot", app.appName(), "--session-uri", sessionService.url("/").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("app_id: " + app.appId()).contains("update: 201 更新成功!");
    RecordedRequest request = sessionService.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/update");
    assertThat(request.getHeaders().get("X-Wechat-App-Id")).isEqualTo(app.appId());
  }

  @Test
  void updateBotReportsTheSessionServicesErrorWithExitCodeOne() {
    NewApp app = register("离线-" + UUID.randomUUID());
    sessionService.enqueue(new MockResponse.Builder().code(400)
        .body("{\"errmsg\":\"微信号不在线!\",\"code\":\"offline\"}").build());

    Run run = run("update_bot", app.appName(), "--session-uri", sessionService.url("/").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("error: session-service answered 400: 微信号不在线!");
  }

  @Test
  void updateBotSaysWhenTheSessionServiceIsUnreachable() throws Exception {
    NewApp app = register("无服务-" + UUID.randomUUID());
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    Run run = run("update_bot", app.appName(), "--session-uri", "http://127.0.0.1:" + closed);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: cannot reach session-service").doesNotContain("\tat ");
  }

  @Test
  void unknownAppNameIsAClearErrorForEveryCommand() {
    String nobody = "nobody-" + UUID.randomUUID();

    Run update = run("update_bot", nobody, "--session-uri", sessionService.url("/").toString());
    Run rotate = rotate(nobody);

    assertThat(update.exitCode()).isEqualTo(1);
    assertThat(update.err()).contains("error: no app named '" + nobody + "'");
    assertThat(rotate.exitCode()).isEqualTo(1);
    assertThat(rotate.err()).contains("error: no app named '" + nobody + "'");
  }

  @Test
  void listAppsPrintsEveryAppWithoutSecrets() {
    NewApp first = register("列表一-" + UUID.randomUUID());
    NewApp second = register("列表二😀-" + UUID.randomUUID());

    Run run = run("listapps");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().findFirst()).contains("app_id\tcreated_at\tapp_name");
    assertThat(run.out()).contains(first.appId() + "\t").contains("\t" + first.appName())
        .contains(second.appId() + "\t").contains("\t" + second.appName())
        .doesNotContain(first.appSecret()).doesNotContain(second.appSecret());
  }

  @Test
  void rotateSecretPrintsANewSecretOnceAndOnlyItsHashIsStored() throws Exception {
    NewApp app = register("轮换-" + UUID.randomUUID());

    Run run = rotate(app.appName());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String secret = run.out().lines().filter(line -> line.startsWith("app_secret: ")).findFirst().orElseThrow()
        .substring("app_secret: ".length());
    assertThat(run.out()).contains("app_id: " + app.appId()).contains("revoked_tokens: 0");
    assertThat(secret).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(app.appSecret());
    SecretHash stored = storedHash(app.appId());
    assertThat(stored.matches(secret)).isTrue();
    assertThat(stored.matches(app.appSecret())).isFalse();
  }

  @Test
  void rotateSecretReplacesTheSignatureTokenWithTheChosenOneOrARandomOne() throws Exception {
    NewApp app = register("签名轮换-" + UUID.randomUUID());

    Run chosen = rotate(app.appName(), "--token", "chosen-signing-token");
    assertThat(chosen.exitCode()).as(chosen.err()).isZero();
    assertThat(chosen.out()).contains("token: chosen-signing-token");
    assertThat(storedToken(app.appId())).isEqualTo("chosen-signing-token");

    Run random = rotate(app.appName());
    String token = random.out().lines().filter(line -> line.startsWith("token: ")).findFirst().orElseThrow()
        .substring("token: ".length());
    assertThat(token).matches("[A-Za-z0-9_-]{32}");
    assertThat(storedToken(app.appId())).isEqualTo(token);
  }

  @Test
  void rotateSecretChangesNothingWhenRedisIsUnreachable() throws Exception {
    NewApp app = register("无缓存-" + UUID.randomUUID());
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    Run run = run("rotatesecret", app.appName(), "--redis-host", "127.0.0.1", "--redis-port",
        Integer.toString(closed));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: cannot use Redis at 127.0.0.1:" + closed).doesNotContain("\tat ");
    assertThat(run.out()).doesNotContain("app_secret");
    assertThat(storedHash(app.appId()).matches(app.appSecret())).isTrue();
    assertThat(storedToken(app.appId())).isEqualTo(app.token());
  }

  @Test
  void rotateSecretRefusesATokenWithSpaces() throws Exception {
    NewApp app = register("坏令牌-" + UUID.randomUUID());

    Run run = rotate(app.appName(), "--token", "two words");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("error: token must be at most");
    assertThat(storedHash(app.appId()).matches(app.appSecret())).isTrue();
  }

  @Test
  void newCommandsAreDispatchedToTheCli() {
    for (String command : new String[] {"listapps", "rotatesecret", "update_bot"}) {
      assertThat(GatewayCli.handles(new String[] {command})).as(command).isTrue();
    }
  }

  private static NewApp register(String name) {
    try {
      return new AppRegistry(new DriverManagerDataSource(DATABASE.jdbcUrl(), DATABASE.username(),
          DATABASE.password())).migrate().register(name, null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String storedToken(String appId) throws Exception {
    try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.username(),
            DATABASE.password());
        PreparedStatement select = connection.prepareStatement("SELECT token FROM apps WHERE app_id = ?")) {
      select.setString(1, appId);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getString(1);
      }
    }
  }

  private static SecretHash storedHash(String appId) throws Exception {
    try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.username(),
            DATABASE.password());
        PreparedStatement select = connection.prepareStatement(
            "SELECT app_secret_salt, app_secret_hash FROM apps WHERE app_id = ?")) {
      select.setString(1, appId);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        return new SecretHash(row.getString(1), row.getString(2));
      }
    }
  }

  /** rotatesecret against the tests' Redis. */
  private static Run rotate(String appName, String... more) {
    List<String> args = new ArrayList<>(List.of("rotatesecret", appName, "--redis-host", TestRedis.host(),
        "--redis-port", Integer.toString(TestRedis.port())));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private static Run run(String... args) {
    String[] withDatabase = Arrays.copyOf(args, args.length + 6);
    System.arraycopy(new String[] {"--db-url", DATABASE.jdbcUrl(), "--db-user", DATABASE.username(),
        "--db-password", DATABASE.password()}, 0, withDatabase, args.length, 6);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = GatewayCli.execute(Reader.nullReader(), new PrintWriter(out), new PrintWriter(err), withDatabase);
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exitCode, String out, String err) {}
}
