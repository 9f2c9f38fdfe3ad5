package dev.wechatapi.gateway;

import dev.wechatapi.gateway.apps.AppRegistry;
import dev.wechatapi.gateway.apps.NewApp;
import dev.wechatapi.testsupport.Database;
import dev.wechatapi.testsupport.TestMariaDb;
import dev.wechatapi.testsupport.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The real MariaDB and Redis, and the fake session and archive services, that gateway tests run against. */
final class GatewayTestEnvironment {

  static final Database DATABASE = TestMariaDb.newDatabase("gateway");
  static final MockWebServer SESSION_SERVICE = started();
  static final MockWebServer ARCHIVE_SERVICE = started();
  /** The media store root of every test gateway, so that no test writes into the working directory. */
  static final Path MEDIA_ROOT = temporaryDirectory("gateway-media");

  private GatewayTestEnvironment() {}

  static void register(DynamicPropertyRegistry registry, String sessionUri, String archiveUri, int redisPort) {
    registry.add("spring.r2dbc.url", DATABASE::r2dbcUrl);
    registry.add("spring.r2dbc.username", DATABASE::username);
    registry.add("spring.r2dbc.password", DATABASE::password);
    registry.add("spring.flyway.url", DATABASE::jdbcUrl);
    registry.add("spring.flyway.user", DATABASE::username);
    registry.add("spring.flyway.password", DATABASE::password);
    registry.add("spring.data.redis.host", TestRedis::host);
    registry.add("spring.data.redis.port", () -> redisPort);
    registry.add("wechat.gateway.session-uri", () -> sessionUri);
    registry.add("wechat.gateway.archive-uri", () -> archiveUri);
    registry.add("wechat.media.root", MEDIA_ROOT::toString);
  }

  static String urlOf(MockWebServer service) {
    return "http://127.0.0.1:" + service.getPort();
  }

  /** A registered app with a unique name (and a Chinese and emoji part, which must survive the round trip). */
  static NewApp newApp() {
    try {
      return new AppRegistry(new DriverManagerDataSource(DATABASE.jdbcUrl(), DATABASE.username(), DATABASE.password()))
          .migrate()
          .register("测试应用😀-" + UUID.randomUUID(), null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A port nothing listens on: connecting to it is refused. */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets requests earlier tests left behind, so that each test verifies only its own. */
  static void drain(MockWebServer service) throws InterruptedException {
    RecordedRequest leftover;
    do {
      leftover = service.takeRequest(1, TimeUnit.MILLISECONDS);
    } while (leftover != null);
  }

  private static Path temporaryDirectory(String prefix) {
    try {
      Path directory = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> deleteTree(directory)));
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless; the JVM is exiting.
    }
  }

  private static MockWebServer started() {
    MockWebServer server = new MockWebServer();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
    return server;
  }
}
