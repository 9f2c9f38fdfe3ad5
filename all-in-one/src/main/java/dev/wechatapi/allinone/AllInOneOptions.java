package dev.wechatapi.allinone;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@code ./dev up} can be told; every option has a default that works on a developer machine.
 *
 * <pre>AllInOneOptions.parse(List.of("--gateway-port", "9080", "--real-wechat"))</pre>
 *
 * @param gatewayPort the public API
 * @param simulatorPort the WeChat simulator (its control page at {@code /control/})
 * @param simulator false with {@code --real-wechat}: sessions log in to the real WeChat
 * @param dataDirectory Kafka's log, the media store and the keys, kept between runs so that sessions resume
 * @param dbHost MariaDB or MySQL 8 (the two databases are created when missing)
 * @param gatewayDatabase the gateway's database (apps)
 * @param archiveDatabase the archive's database (contacts, messages, webhooks)
 * @param redisHost Redis for the gateway's tokens and rate limits; when it does not answer, the gateway keeps them
 *     in memory
 */
record AllInOneOptions(
    int gatewayPort,
    int simulatorPort,
    boolean simulator,
    Path dataDirectory,
    String dbHost,
    int dbPort,
    String dbUser,
    String dbPassword,
    String gatewayDatabase,
    String archiveDatabase,
    String redisHost,
    int redisPort) {

  static final String USAGE = """
      usage: ./dev up [options]      (java -jar all-in-one-exec.jar [options])
        --gateway-port N     the public API (default 8080)
        --simulator-port N   the WeChat simulator (default 8090)
        --real-wechat        log in to the real WeChat instead of the simulator
        --data-dir PATH      Kafka's log, media and keys, kept between runs (default data/all-in-one)
        --db-host H --db-port N --db-user U --db-password P
                             MariaDB or MySQL 8 (default 127.0.0.1:3306, root, no password)
        --gateway-database NAME --archive-database NAME
                             (default wechat_gateway and wechat_archive, created when missing)
        --redis-host H --redis-port N
                             Redis for tokens and rate limits (default 127.0.0.1:6379; if none answers,
                             the gateway keeps them in memory)""";

  private static final Set<String> WITH_VALUE = Set.of("--gateway-port", "--simulator-port",
      "--data-dir", "--db-host", "--db-port", "--db-user", "--db-password", "--gateway-database", "--archive-database",
      "--redis-host", "--redis-port");

  static AllInOneOptions defaults() {
    return new AllInOneOptions(8080, 8090, true, Path.of("data", "all-in-one"), "127.0.0.1", 3306, "root", "",
        "wechat_gateway", "wechat_archive", "127.0.0.1", 6379);
  }

  /** The options over the defaults; an {@link IllegalArgumentException} naming the bad one otherwise. */
  static AllInOneOptions parse(List<String> args) {
    AllInOneOptions options = defaults();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (name.equals("--real-wechat")) {
        options = options.withSimulator(false);
        continue;
      }
      if (!WITH_VALUE.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args.get(++i);
      options = switch (name) {
        case "--gateway-port" -> options.with(port(name, value), options.simulatorPort);
        case "--simulator-port" -> options.with(options.gatewayPort, port(name, value));
        case "--data-dir" -> options.withDataDirectory(Path.of(value));
        case "--db-host" -> options.withDb(value, options.dbPort, options.dbUser, options.dbPassword);
        case "--db-port" -> options.withDb(options.dbHost, port(name, value), options.dbUser, options.dbPassword);
        case "--db-user" -> options.withDb(options.dbHost, options.dbPort, value, options.dbPassword);
        case "--db-password" -> options.withDb(options.dbHost, options.dbPort, options.dbUser, value);
        case "--gateway-database" -> options.withDatabases(name(name, value), options.archiveDatabase);
        case "--archive-database" -> options.withDatabases(options.gatewayDatabase, name(name, value));
        case "--redis-host" -> options.withRedis(value, options.redisPort);
        case "--redis-port" -> options.withRedis(options.redisHost, port(name, value));
        default -> throw new IllegalStateException("an option without its case: " + name);
      };
    }
    return options;
  }

  private AllInOneOptions with(int gateway, int simulatorAt) {
    return new AllInOneOptions(gateway, simulatorAt, simulator, dataDirectory, dbHost, dbPort, dbUser, dbPassword,
        gatewayDatabase, archiveDatabase, redisHost, redisPort);
  }

  private AllInOneOptions withSimulator(boolean on) {
    return new AllInOneOptions(gatewayPort, simulatorPort, on, dataDirectory, dbHost, dbPort, dbUser, dbPassword,
        gatewayDatabase, archiveDatabase, redisHost, redisPort);
  }

  private AllInOneOptions withDataDirectory(Path directory) {
    return new AllInOneOptions(gatewayPort, simulatorPort, simulator, directory, dbHost, dbPort, dbUser, dbPassword,
        gatewayDatabase, archiveDatabase, redisHost, redisPort);
  }

  private AllInOneOptions withDb(String host, int port, String user, String password) {
    return new AllInOneOptions(gatewayPort, simulatorPort, simulator, dataDirectory, host, port, user, password,
        gatewayDatabase, archiveDatabase, redisHost, redisPort);
  }

  private AllInOneOptions withDatabases(String gateway, String archive) {
    return new AllInOneOptions(gatewayPort, simulatorPort, simulator, dataDirectory, dbHost, dbPort, dbUser,
        dbPassword, gateway, archive, redisHost, redisPort);
  }

  private AllInOneOptions withRedis(String host, int port) {
    return new AllInOneOptions(gatewayPort, simulatorPort, simulator, dataDirectory, dbHost, dbPort, dbUser,
        dbPassword, gatewayDatabase, archiveDatabase, host, port);
  }

  private static String name(String option, String value) {
    if (value.matches("[A-Za-z0-9_]{1,64}")) {
      return value;
    }
    throw new IllegalArgumentException(option + " must be a database name (letters, digits, _), got: " + value);
  }

  private static int port(String name, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(name + " must be a port number (1-65535), got: " + value);
  }
}
