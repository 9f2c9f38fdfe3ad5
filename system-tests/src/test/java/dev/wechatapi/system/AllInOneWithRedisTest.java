package dev.wechatapi.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.testsupport.Database;
import dev.wechatapi.testsupport.Ports;
import dev.wechatapi.testsupport.TestMariaDb;
import dev.wechatapi.testsupport.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./dev up} where Redis answers: the gateway keeps its tokens there, as in production. */
class AllInOneWithRedisTest {

  @TempDir Path data;

  @Test
  void tokensAreKeptInRedis() throws Exception {
    Database gatewayDb = TestMariaDb.newDatabase("aio_gateway");
    Database archiveDb = TestMariaDb.newDatabase("aio_archive");
    int gatewayPort = Ports.free();
    try (DevUp system = DevUp.start(data.resolve("dev-up.log"), List.of(
        "--gateway-port", String.valueOf(gatewayPort), "--simulator-port", String.valueOf(Ports.free()),
        "--data-dir", data.resolve("system").toString(),
        "--db-host", gatewayDb.host(), "--db-port", String.valueOf(gatewayDb.port()),
        "--db-user", gatewayDb.username(), "--db-password", gatewayDb.password(),
        "--gateway-database", gatewayDb.name(), "--archive-database", archiveDb.name(),
        "--redis-host", TestRedis.host(), "--redis-port", String.valueOf(TestRedis.port())))) {
      String welcome = system.awaitUp(Duration.ofMinutes(3));
      assertThat(welcome).contains("Tokens and rate limits:      Redis at " + TestRedis.host());
      String output = AllInOneModeTest.devCli("createwechatapp", "--name", "all-in-one-redis",
          "--db-url", gatewayDb.jdbcUrl(), "--db-user", gatewayDb.username(), "--db-password", gatewayDb.password());
      Http gateway = new Http("http://127.0.0.1:" + gatewayPort);

      Http.Response issued = gateway.get("/access_token", Map.of(
          "app_id", AllInOneModeTest.field(output, "app_id"),
          "app_secret", AllInOneModeTest.field(output, "app_secret")));
      String token = issued.json().get("access_token").asString();

      assertThat(redisGet("wechat:gateway:token:" + token)).isEqualTo(AllInOneModeTest.field(output, "app_id"));
      Http.Response friends = gateway.get("/friends", Map.of("access_token", token));
      assertThat(friends.status()).as(friends.toString()).isEqualTo(200);
      assertThat(friends.json().get("count").asInt()).isZero();
    }
  }

  // GET over Redis's own protocol: answers the value, or null for none.
  private static String redisGet(String key) throws IOException {
    try (Socket socket = new Socket(TestRedis.host(), TestRedis.port())) {
      byte[] name = key.getBytes(StandardCharsets.UTF_8);
      socket.getOutputStream().write(("*2\r\n$3\r\nGET\r\n$" + name.length + "\r\n" + key + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      String header = line(in);
      if (header.equals("$-1")) {
        return null;
      }
      return line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\r' && b != -1; b = in.read()) {
      line.append((char) b);
    }
    in.read();
    return line.toString();
  }
}
