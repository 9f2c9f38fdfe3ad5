package dev.wechatapi.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.testsupport.Database;
import dev.wechatapi.testsupport.Ports;
import dev.wechatapi.testsupport.ProjectLayout;
import dev.wechatapi.testsupport.TestMariaDb;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's first command: {@code ./dev up} starts the whole system in one JVM, and a newcomer goes from an app
 * to a message through the gateway, with the simulator as the phone. No Redis answers here (its port is closed), so
 * this also proves the gateway's in-memory token store; {@link AllInOneWithRedisTest} runs it with Redis.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllInOneModeTest {

  private static final Duration ASYNC = Duration.ofSeconds(30);
  private static final String FRIEND = "小明😀";

  @TempDir static Path data;

  private static Database gatewayDb;
  private static DevUp system;
  private static int gatewayPort;
  private static Http gateway;
  private static SimulatorControl simulator;
  private static String welcome;
  private static String token;
  private static String accountId;
  private static String friendPuid;

  @BeforeAll
  static void startTheSystemAsTheReadmeSays() {
    gatewayDb = TestMariaDb.newDatabase("aio_gateway");
    Database archiveDb = TestMariaDb.newDatabase("aio_archive");
    gatewayPort = Ports.free();
    int simulatorPort = Ports.free();
    system = DevUp.start(data.resolve("dev-up.log"), List.of(
        "--gateway-port", String.valueOf(gatewayPort), "--simulator-port", String.valueOf(simulatorPort),
        "--data-dir", data.resolve("system").toString(),
        "--db-host", gatewayDb.host(), "--db-port", String.valueOf(gatewayDb.port()),
        "--db-user", gatewayDb.username(), "--db-password", gatewayDb.password(),
        "--gateway-database", gatewayDb.name(), "--archive-database", archiveDb.name(),
        "--redis-port", String.valueOf(Ports.free())));
    welcome = system.awaitUp(Duration.ofMinutes(3));
    gateway = new Http("http://127.0.0.1:" + gatewayPort);
    simulator = new SimulatorControl(URI.create("http://127.0.0.1:" + simulatorPort));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  @Order(1)
  void itPrintsTheUrlsToOpenAndSaysWhereTokensAreKept() {
    assertThat(welcome).contains("wechat-api is up")
        .contains("Gateway (the public API):    http://127.0.0.1:" + gatewayPort)
        .contains("/control/")
        .contains("Tokens and rate limits:      in memory (no Redis answered")
        .contains("./dev cli createwechatapp --name demo");
  }

  @Test
  @Order(2)
  void theOperatorCreatesAnAppWithTheCliAndItGetsAToken() throws Exception {
    String output = devCli("createwechatapp", "--name", "all-in-one-应用", "--db-url", gatewayDb.jdbcUrl(),
        "--db-user", gatewayDb.username(), "--db-password", gatewayDb.password());
    String appId = field(output, "app_id");
    String appSecret = field(output, "app_secret");

    Http.Response response = gateway.get("/access_token", Map.of("app_id", appId, "app_secret", appSecret));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    token = response.json().get("access_token").asString();
  }

  @Test
  @Order(3)
  void theAccountLogsInByQrCode() {
    accountId = simulator.createAccount(Map.of(
            "nickName", "新手号", "friends", List.of(FRIEND, "李雷"), "groups", 1, "mps", 1))
        .get("accountId").asString();
    String uuid = authed("/login", Map.of()).json().get("uuid").asString();

    simulator.scanAndConfirm(uuid, accountId);

    Eventually.await("status 200 and alive", ASYNC, () -> authed("/check-login", Map.of("uuid", uuid)).json(),
        state -> state.get("status").asString().equals("200") && state.get("alive").asBoolean());
  }

  @Test
  @Order(4)
  void contactsAreQueryable() {
    JsonNode friends = Eventually.await("two friends and the account", ASYNC,
        () -> authed("/friends", Map.of()).json(), page -> page.path("count").asInt() == 3);
    assertThat(StreamSupport.stream(friends.get("results").spliterator(), false)
        .map(friend -> friend.get("nick_name").asString())).contains(FRIEND, "李雷");
    assertThat(authed("/groups", Map.of()).json().get("count").asInt()).isEqualTo(1);
    assertThat(authed("/mps", Map.of()).json().get("count").asInt()).isEqualTo(1);
    friendPuid = authed("/friends", Map.of("nick_name", FRIEND)).json().get("results").get(0).get("puid")
        .asString();
  }

  @Test
  @Order(5)
  void aMessageFromAFriendIsArchivedAndAReplyIsSent() {
    simulator.sendText(accountId, FRIEND, "第一次用 👋");

    JsonNode received = Eventually.await("the received message", ASYNC,
        () -> authed("/messages", Map.of("sender_puid", friendPuid)).json(), page -> page.path("count").asInt() == 1);
    assertThat(received.get("results").get(0).get("content").get("text").asString()).isEqualTo("第一次用 👋");

    Http.Response sent = gateway.postJson("/send-message", Map.of("access_token", token),
        Map.of("type", "text", "puid", friendPuid, "text", "欢迎 ✅"));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    assertThat(StreamSupport.stream(simulator.sent(accountId).spliterator(), false)
        .map(record -> record.get("content").asString())).containsExactly("欢迎 ✅");
    Eventually.await("both messages archived", ASYNC, () -> authed("/messages", Map.of()).json(),
        page -> page.path("count").asInt() == 2);
  }

  @Test
  @Order(6)
  void stoppingItEndsEveryPart() {
    system.close();

    assertThat(Ports.listening(gatewayPort)).isFalse();
    assertThat(system.output()).doesNotContain("Exception in thread");
  }

  private static Http.Response authed(String path, Map<String, String> query) {
    Map<String, String> withToken = new HashMap<>(query);
    withToken.put("access_token", token);
    return gateway.get(path, withToken);
  }

  /** {@code ./dev cli ...} as the welcome text says, from the repository root; answers its output. */
  static String devCli(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "./dev", "cli"));
    command.addAll(List.of(args));
    Process cli = new ProcessBuilder(command).directory(ProjectLayout.locate().root().toFile())
        .redirectErrorStream(true).start();
    byte[] output = cli.getInputStream().readAllBytes();
    assertThat(cli.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(cli.exitValue()).as(text).isZero();
    return text;
  }

  static String field(String cliOutput, String name) {
    Matcher matcher = Pattern.compile("(?m)^" + name + ":\\s*(\\S+)\\s*$").matcher(cliOutput);
    assertThat(matcher.find()).as("CLI output has " + name + ":\n" + cliOutput).isTrue();
    return matcher.group(1);
  }
}
