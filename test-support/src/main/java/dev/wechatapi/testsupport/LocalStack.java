package dev.wechatapi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system as separate processes on this machine: a Kafka broker, the WeChat simulator (unless real
 * WeChat is wanted) and the three services, wired to the local MariaDB and Redis. {@code ./dev up} runs
 * {@link #main}; end-to-end tests call {@link #start} with free ports and fresh databases.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    // Small and quick to start, for tests; benchmarks set wechat.stack.service-jvm (space-separated JVM options).
    private static final List<String> SERVICE_JVM = List.of(System.getProperty("wechat.stack.service-jvm",
            "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").trim().split("\\s+"));

    private final StackOptions options;
    private final ProjectLayout layout;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final String linkSecret = randomSecret();
    private final Map<String, JavaProcess> services = new LinkedHashMap<>();
    private KafkaBrokerProcess kafka;

    private LocalStack(StackOptions options, ProjectLayout layout) {
        this.options = options;
        this.layout = layout;
    }

    /** Starts everything and returns once every service answers its health check. */
    public static LocalStack start(StackOptions options) {
        LocalStack stack = new LocalStack(options, ProjectLayout.locate());
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public static void main(String[] args) {
        StackOptions options = StackOptions.forDevelopment(List.of(args));
        LocalStack stack = start(options);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stack::close));
        System.out.println();
        System.out.println("wechat-api is up.");
        System.out.println("  Gateway (the public API):   " + stack.gatewayUrl());
        if (options.simulator()) {
            System.out.println("  WeChat simulator:            " + stack.simulatorUrl() + "  (control API: /control/...)");
        }
        System.out.println("  Kafka:                       " + stack.kafkaBootstrapServers());
        System.out.println("  Logs:                        " + options.dataDirectory().resolve("logs"));
        System.out.println("Create an app with:");
        System.out.println("  ./dev cli createwechatapp --name demo");
        System.out.println("Press Ctrl-C to stop.");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + options.gatewayPort();
    }

    public String simulatorUrl() {
        return "http://127.0.0.1:" + options.simulatorPort();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public JavaProcess process(String name) {
        return services.get(name);
    }

    /** The session service the gateway calls (the first replica). */
    public String sessionUrl() {
        return "http://127.0.0.1:" + options.sessionPort();
    }

    public String archiveUrl() {
        return "http://127.0.0.1:" + options.archivePort();
    }

    /**
     * Starts one more replica of the session service, in the same owners' group as the first: the two share the
     * sessions (some move to the new one). Returns once it answers its health check; its URL is {@code url}.
     */
    public SessionReplica startSessionReplica(String name) {
        int port = Ports.free();
        List<String> args = new ArrayList<>(sessionArgs());
        args.add("--server.port=" + port);
        List<String> main = new ArrayList<>(List.of("-jar", layout.executableJar("session-service").toString()));
        main.addAll(args);
        JavaProcess process = JavaProcess.start(name, SERVICE_JVM, main, Map.of(), logs());
        started.add(process);
        services.put(name, process);
        String url = "http://127.0.0.1:" + port;
        process.awaitHttpOk(url + "/actuator/health", START_TIMEOUT);
        return new SessionReplica(url, process);
    }

    /** A replica of the session service started by {@link #startSessionReplica}. */
    public record SessionReplica(String url, JavaProcess process) {}

    /** Runs a gateway CLI command (e.g. {@code createwechatapp --name x}) as its own process; returns its output. */
    public String runGatewayCli(String... command) {
        List<String> args = new ArrayList<>(List.of("-jar", layout.executableJar("gateway-service").toString()));
        args.addAll(List.of(command));
        args.addAll(List.of("--db-url", options.gatewayDatabase().jdbcUrl(), "--db-user",
                options.gatewayDatabase().username(), "--db-password", options.gatewayDatabase().password()));
        JavaProcess cli = JavaProcess.start("cli-" + command[0], List.of("-XX:TieredStopAtLevel=1"), args, Map.of(),
                logs());
        for (int i = 0; i < 1200 && cli.alive(); i++) {
            Ports.sleep(Duration.ofMillis(100));
        }
        String output = cli.logTail();
        if (cli.alive()) {
            cli.kill();
            throw new IllegalStateException("gateway CLI did not finish:\n" + output);
        }
        return output;
    }

    private void startAll() {
        kafka = KafkaBrokerProcess.start(layout, options.kafkaPort(), options.dataDirectory().resolve("kafka"), logs());
        started.add(kafka);
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        if (options.simulator()) {
            JavaProcess simulator = launch("wechat-simulator", List.of("--port", String.valueOf(options.simulatorPort())));
            waits.add(CompletableFuture.runAsync(() -> simulator.awaitHttpOk(
                    "http://127.0.0.1:" + options.simulatorPort() + "/control/health", START_TIMEOUT)));
            services.put("wechat-simulator", simulator);
        }
        waits.add(startService("archive-service", options.archivePort(), archiveArgs()));
        waits.add(startService("session-service", options.sessionPort(), sessionArgs()));
        waits.add(startService("gateway-service", options.gatewayPort(), gatewayArgs()));
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private CompletableFuture<Void> startService(String module, int port, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=" + port);
        JavaProcess process = launch(module, all);
        services.put(module, process);
        return CompletableFuture.runAsync(() ->
                process.awaitHttpOk("http://127.0.0.1:" + port + "/actuator/health", START_TIMEOUT));
    }

    private JavaProcess launch(String module, List<String> args) {
        List<String> main = new ArrayList<>(List.of("-jar", layout.executableJar(module).toString()));
        main.addAll(args);
        JavaProcess process = JavaProcess.start(module, SERVICE_JVM, main, Map.of(), logs());
        started.add(process);
        return process;
    }

    /** Media written by the session service and served by the gateway: one directory, one signing secret. */
    private List<String> mediaArgs() {
        return List.of(
                "--wechat.media.root=" + options.dataDirectory().resolve("media"),
                "--wechat.media.link-secrets=" + linkSecret);
    }

    private List<String> archiveArgs() {
        Database db = options.archiveDatabase();
        return withMedia(List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.r2dbc.url=" + db.r2dbcUrl(),
                "--spring.r2dbc.username=" + db.username(),
                "--spring.r2dbc.password=" + db.password(),
                "--spring.flyway.url=" + db.jdbcUrl() + "?createDatabaseIfNotExist=true",
                "--spring.flyway.user=" + db.username(),
                "--spring.flyway.password=" + db.password()));
    }

    private List<String> sessionArgs() {
        List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
        if (options.simulator()) {
            args.add("--wechat.session.wechat-base-url=" + simulatorUrl());
        }
        args.add("--wechat.session.credentials-key=" + credentialsKey());
        return withMedia(args);
    }

    private List<String> withMedia(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(mediaArgs());
        return all;
    }

    private List<String> gatewayArgs() {
        Database db = options.gatewayDatabase();
        return withMedia(List.of(
                "--spring.r2dbc.url=" + db.r2dbcUrl(),
                "--spring.r2dbc.username=" + db.username(),
                "--spring.r2dbc.password=" + db.password(),
                "--spring.flyway.url=" + db.jdbcUrl() + "?createDatabaseIfNotExist=true",
                "--spring.flyway.user=" + db.username(),
                "--spring.flyway.password=" + db.password(),
                "--spring.data.redis.host=" + options.redisHost(),
                "--spring.data.redis.port=" + options.redisPort(),
                "--wechat.gateway.session-uri=http://127.0.0.1:" + options.sessionPort(),
                "--wechat.gateway.archive-uri=http://127.0.0.1:" + options.archivePort()));
    }

    /** The key that encrypts saved sessions; kept with the stack's data so a restarted stack resumes them. */
    private String credentialsKey() {
        Path file = options.dataDirectory().resolve("session-credentials.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private Path logs() {
        Path logs = options.dataDirectory().resolve("logs");
        try {
            return Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the services first, then the broker. */
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
        if (options.temporary()) {
            deleteRecursively(options.dataDirectory().resolve("kafka"));
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leftover test data in the temporary directory is harmless.
        }
    }
}
