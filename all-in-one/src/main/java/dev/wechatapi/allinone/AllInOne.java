package dev.wechatapi.allinone;

import dev.wechatapi.archive.ArchiveApplication;
import dev.wechatapi.gateway.GatewayApplication;
import dev.wechatapi.gateway.store.MemoryStoreEnvironment;
import dev.wechatapi.session.SessionApplication;
import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.WeChatSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./dev up}: the whole system in this JVM, for a first try on a laptop. A Kafka broker, the WeChat simulator
 * (unless {@code --real-wechat}) and the three services, each in its own application context, on the local
 * MariaDB; the gateway keeps tokens in Redis when one answers, in memory otherwise. The gateway and the simulator
 * listen on known ports; everything else on free loopback ports. Prints the URLs to open, then runs until stopped.
 */
public final class AllInOne implements AutoCloseable {

  // Auto-configurations a service would pick up only because another service's libraries share the class path.
  private static final List<String> DATABASE = List.of(
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.health.ConnectionFactoryHealthContributorAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.metrics.ConnectionPoolMetricsAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.observation.R2dbcObservationAutoConfiguration",
      "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
      "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration");

  private final List<AutoCloseable> started = new ArrayList<>();
  private final AllInOneOptions options;
  private boolean memoryStore;
  private InProcessKafka kafka;

  private AllInOne(AllInOneOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws InterruptedException {
    // One Logback configuration (logback.xml) for the whole JVM: three contexts re-initialising it at once would
    // each add their own console appender.
    System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(AllInOneOptions.USAGE);
      return;
    }
    AllInOneOptions options;
    try {
      options = AllInOneOptions.parse(List.of(args));
    } catch (IllegalArgumentException badOption) {
      System.err.println("error: " + badOption.getMessage());
      System.err.println(AllInOneOptions.USAGE);
      System.exit(2);
      return;
    }
    AllInOne system;
    try {
      system = start(options);
    } catch (RuntimeException failure) {
      System.err.println();
      System.err.println("error: the all-in-one mode did not start: " + rootMessage(failure));
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      system.close();
      stopped.countDown();
    }));
    system.printWelcome();
    stopped.await();
  }

  /** Starts everything; returns once every service answers. */
  static AllInOne start(AllInOneOptions options) {
    AllInOne system = new AllInOne(options);
    try {
      system.startAll();
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  private void startAll() {
    requirePortFree(options.gatewayPort(), "--gateway-port");
    if (options.simulator()) {
      requirePortFree(options.simulatorPort(), "--simulator-port");
    }
    LocalStores.requireDatabase(options.dbHost(), options.dbPort());
    memoryStore = !LocalStores.redisAnswers(options.redisHost(), options.redisPort());
    Path data = options.dataDirectory().toAbsolutePath();
    Keys keys = Keys.in(data);

    kafka = InProcessKafka.start(data.resolve("kafka"));
    started.add(kafka);
    if (options.simulator()) {
      WeChatSimulator simulator = WeChatSimulator.start(SimulatorConfig.defaults().withHost("0.0.0.0")
          .withPort(options.simulatorPort()));
      started.add(simulator::close);
    }
    int sessionPort = FreePorts.next();
    int archivePort = FreePorts.next();
    Map<String, Object> media = Map.of(
        "wechat.media.root", data.resolve("media"),
        "wechat.media.link-secrets", keys.mediaLinkSecret());
    // Threads of this one, so that each service sees the class loader the application was launched with.
    ExecutorService starters = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("start-", 1).factory());
    var archive = CompletableFuture.supplyAsync(() -> service("archive-service", ArchiveApplication.class,
        archive(archivePort, media)), starters);
    var session = CompletableFuture.supplyAsync(() -> service("session-service", SessionApplication.class,
        session(sessionPort, media, keys)), starters);
    var gateway = CompletableFuture.supplyAsync(() -> service("gateway-service", GatewayApplication.class,
        gateway(sessionPort, archivePort, media, keys)), starters);
    starters.shutdown();
    try {
      CompletableFuture.allOf(archive, session, gateway).join();
      started.addAll(List.of(archive.join(), session.join(), gateway.join()));
    } catch (RuntimeException e) {
      // Those that did start are closed with the rest.
      for (var context : List.of(archive, session, gateway)) {
        context.thenAccept(started::add);
      }
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private ConfigurableApplicationContext service(String name, Class<?> application, Map<String, Object> settings) {
    Map<String, Object> all = new LinkedHashMap<>(settings);
    // One log for all: each line names its service by its logger (dev.wechatapi.<service>...).
    all.put("logging.include-application-name", false);
    return ServiceContext.run(name, application, all);
  }

  private Map<String, Object> archive(int port, Map<String, Object> media) {
    Map<String, Object> settings = new LinkedHashMap<>(internal(port));
    settings.putAll(database(options.archiveDatabase()));
    settings.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
    settings.putAll(media);
    settings.put("spring.autoconfigure.exclude", String.join(",", MemoryStoreEnvironment.REDIS_AUTO_CONFIGURATIONS));
    return settings;
  }

  private Map<String, Object> session(int port, Map<String, Object> media, Keys keys) {
    Map<String, Object> settings = new LinkedHashMap<>(internal(port));
    settings.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
    settings.put("wechat.session.credentials-key", keys.credentialsKey());
    if (options.simulator()) {
      settings.put("wechat.session.wechat-base-url", simulatorUrl());
    }
    settings.putAll(media);
    List<String> excluded = new ArrayList<>(DATABASE);
    excluded.addAll(MemoryStoreEnvironment.REDIS_AUTO_CONFIGURATIONS);
    settings.put("spring.autoconfigure.exclude", String.join(",", excluded));
    return settings;
  }

  private Map<String, Object> gateway(int sessionPort, int archivePort, Map<String, Object> media, Keys keys) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("server.port", options.gatewayPort());
    settings.putAll(database(options.gatewayDatabase()));
    settings.put("wechat.gateway.session-uri", "http://127.0.0.1:" + sessionPort);
    settings.put("wechat.gateway.archive-uri", "http://127.0.0.1:" + archivePort);
    settings.put("wechat.gateway.link-secret", keys.qrLinkSecret());
    if (memoryStore) {
      settings.put("wechat.gateway.store", "memory");
    } else {
      settings.put("spring.data.redis.host", options.redisHost());
      settings.put("spring.data.redis.port", options.redisPort());
    }
    settings.putAll(media);
    return settings;
  }

  // Session and archive answer the gateway only: loopback, and none of the gateway's own routing or API pages.
  private static Map<String, Object> internal(int port) {
    return Map.of(
        "server.port", port,
        "server.address", "127.0.0.1",
        "spring.cloud.gateway.server.webflux.enabled", false,
        "springdoc.api-docs.enabled", false,
        "springdoc.swagger-ui.enabled", false);
  }

  private Map<String, Object> database(String name) {
    String server = options.dbHost() + ":" + options.dbPort() + "/" + name;
    return Map.of(
        "spring.r2dbc.url", "r2dbc:mysql://" + server + "?createDatabaseIfNotExist=true",
        "spring.r2dbc.username", options.dbUser(),
        "spring.r2dbc.password", options.dbPassword(),
        "spring.flyway.url", "jdbc:mariadb://" + server + "?createDatabaseIfNotExist=true",
        "spring.flyway.user", options.dbUser(),
        "spring.flyway.password", options.dbPassword());
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + options.gatewayPort();
  }

  String simulatorUrl() {
    return "http://127.0.0.1:" + options.simulatorPort();
  }

  private void printWelcome() {
    String line = "  %-28s %s%n";
    System.out.println();
    System.out.println("wechat-api is up (all-in-one mode: one JVM).");
    System.out.printf(line, "Gateway (the public API):", gatewayUrl() + "   API docs: " + gatewayUrl()
        + "/swagger-ui.html");
    if (options.simulator()) {
      System.out.printf(line, "WeChat simulator:", simulatorUrl() + "/control/   (the phone: scan, confirm, chat)");
    } else {
      System.out.printf(line, "WeChat:", "the real one (log in with a phone)");
    }
    System.out.printf(line, "Database:", "MariaDB at " + options.dbHost() + ":" + options.dbPort()
        + " (" + options.gatewayDatabase() + ", " + options.archiveDatabase() + ")");
    System.out.printf(line, "Tokens and rate limits:", memoryStore
        ? "in memory (no Redis answered at " + options.redisHost() + ":" + options.redisPort() + ")"
        : "Redis at " + options.redisHost() + ":" + options.redisPort());
    System.out.printf(line, "Kafka (in this JVM):", kafka.bootstrapServers());
    System.out.printf(line, "Data:", options.dataDirectory().toAbsolutePath());
    System.out.println("Next: create an app with   ./dev cli createwechatapp --name demo");
    System.out.println("      then follow the README's tour. Press Ctrl-C to stop.");
    System.out.flush();
  }

  /** Stops the services first, then the simulator and the broker. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception ignored) {
        // Keep stopping the rest.
      }
    }
    started.clear();
  }

  private static void requirePortFree(int port, String option) {
    if (!FreePorts.isFree(port)) {
      throw new IllegalStateException("port " + port + " is in use (another ./dev up?); choose another with "
          + option);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure ? String.valueOf(failure.getMessage())
        : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }
}
