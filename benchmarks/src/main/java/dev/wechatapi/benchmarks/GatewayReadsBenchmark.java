package dev.wechatapi.benchmarks;

import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import dev.wechatapi.testsupport.Database;
import dev.wechatapi.testsupport.JavaProcess;
import dev.wechatapi.testsupport.Ports;
import dev.wechatapi.testsupport.ProjectLayout;
import dev.wechatapi.testsupport.TestMariaDb;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read path through the gateway: token check in Redis, rate limit, route to the archive service, MariaDB. The
 * archive and the gateway run as separate processes from their executable jars (C2, parallel GC, 1 GiB heap), the
 * archive holds one app's 5,000 friends (one contacts snapshot) and 1,000,000 messages (60 % Text), and the app's
 * rate limit is raised far above the load. For each endpoint: the throughput at saturation (closed loop: {@code wrk}
 * when installed, else this JVM's own load generator, a fixed number of connections for a fixed time), then p50/p99
 * at half that rate (open loop: requests sent at fixed intervals by this JVM, each latency counted from the moment
 * the request was due, so a stall delays every request behind it). The CPU each process used during a run is read
 * from {@code /proc}.
 *
 * <pre>{@code benchmarks/run gateway-reads [messages] [connections] [seconds]}   # default 1000000 32 20</pre>
 */
public final class GatewayReadsBenchmark {

    private static final int FRIENDS = 5_000;
    private static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;
    private static final List<String> SERVICE_JVM = List.of("-Xmx1g", "-Xms1g", "-XX:+UseParallelGC");

    private GatewayReadsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = Math.min(60, args.length > 2 ? Integer.parseInt(args[2]) : 20);
        Report report = new Report("gateway-read-path", "Read path through the gateway: /friends and /messages",
                "benchmarks/run gateway-reads " + messages + " " + connections + " " + seconds)
                .processes("the benchmark's JVM runs the open-loop load generator; archive-service, gateway-service"
                        + " and Kafka run in their own JVMs");
        ProjectLayout layout = ProjectLayout.locate();
        List<JavaProcess> processes = new ArrayList<>();
        try (BenchmarkStack stack = BenchmarkStack.start("gwreads")) {
            Path logs = stack.work().resolve("logs");
            stack.createTopic(Topics.CONTACTS, 6, Map.of("max.message.bytes", Integer.toString(MAX_RECORD_BYTES)));
            Database archiveDb = stack.database();
            Database gatewayDb = TestMariaDb.newDatabase("bench_gwapps");
            int archivePort = Ports.free();
            int gatewayPort = Ports.free();
            String media = "--wechat.media.root=" + stack.work().resolve("media");
            String secret = "--wechat.media.link-secrets=" + "ab".repeat(32);
            JavaProcess archive = start(processes, layout, logs, "archive-service", List.of(
                    "--server.port=" + archivePort,
                    "--logging.level.root=WARN",
                    "--spring.kafka.bootstrap-servers=" + stack.bootstrapServers(),
                    "--spring.r2dbc.url=" + archiveDb.r2dbcUrl(),
                    "--spring.r2dbc.username=" + archiveDb.username(),
                    "--spring.r2dbc.password=" + archiveDb.password(),
                    "--spring.flyway.url=" + archiveDb.jdbcUrl(),
                    "--spring.flyway.user=" + archiveDb.username(),
                    "--spring.flyway.password=" + archiveDb.password(),
                    media, secret));
            JavaProcess gateway = start(processes, layout, logs, "gateway-service", List.of(
                    "--server.port=" + gatewayPort,
                    "--logging.level.root=WARN",
                    "--spring.r2dbc.url=" + gatewayDb.r2dbcUrl(),
                    "--spring.r2dbc.username=" + gatewayDb.username(),
                    "--spring.r2dbc.password=" + gatewayDb.password(),
                    "--spring.flyway.url=" + gatewayDb.jdbcUrl(),
                    "--spring.flyway.user=" + gatewayDb.username(),
                    "--spring.flyway.password=" + gatewayDb.password(),
                    "--spring.data.redis.host=127.0.0.1",
                    "--spring.data.redis.port=6379",
                    // No session service: the benchmark only reads from the archive.
                    "--wechat.gateway.session-uri=http://127.0.0.1:" + Ports.free(),
                    "--wechat.gateway.archive-uri=http://127.0.0.1:" + archivePort,
                    "--wechat.gateway.rate-limits.archive.replenish-rate=1000000",
                    "--wechat.gateway.rate-limits.archive.burst-capacity=1000000",
                    media, secret));
            long started = System.nanoTime();
            archive.awaitHttpOk("http://127.0.0.1:" + archivePort + "/actuator/health", Duration.ofMinutes(3));
            gateway.awaitHttpOk("http://127.0.0.1:" + gatewayPort + "/actuator/health", Duration.ofMinutes(3));
            System.out.printf("archive and gateway up in %.0f s%n", (System.nanoTime() - started) / 1e9);

            Map<String, String> app = createApp(layout, logs, gatewayDb);
            String appId = app.get("app_id");
            JsonMapper json = JsonMapper.builder().build();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String gatewayUrl = "http://127.0.0.1:" + gatewayPort;
            String token = json.readTree(LoadGenerators.send(http, HttpRequest.newBuilder(URI.create(gatewayUrl
                    + "/access_token?app_id=" + appId + "&app_secret=" + app.get("app_secret"))).build()).body())
                    .get("access_token").asString();

            long loadStart = System.nanoTime();
            loadFriends(stack, http, json, archivePort, appId);
            DeepPagesBenchmark.load(stack, appId, messages, 0);
            report.line("archive: one app, %d friends (one contacts snapshot, about half with sex=1) and %d messages"
                    .formatted(FRIENDS, messages) + " (60%% Text), loaded in %.0f s"
                    .formatted((System.nanoTime() - loadStart) / 1e9));
            report.line("processes: archive-service and gateway-service from their -exec.jar (%s), Kafka,"
                    .formatted(String.join(" ", SERVICE_JVM)) + " MariaDB and Redis on this machine; the gateway's"
                    + " archive rate limit raised to 1,000,000/s; load generator on the same machine");

            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put("gateway", gateway.pid());
            pids.put("archive", archive.pid());
            findPid("mariadbd", "mysqld").ifPresent(pid -> pids.put("mariadb", pid));
            findPid("redis-server").ifPresent(pid -> pids.put("redis", pid));
            pids.put("benchmark JVM", ProcessHandle.current().pid());

            boolean wrk = Files.isExecutable(Path.of("/usr/bin/wrk"));
            report.line("closed loop: " + (wrk ? "wrk 2 threads" : "this JVM, virtual threads") + ", " + connections
                    + " connections, " + seconds + " s; open loop: this JVM (Reactor Netty client), "
                    + seconds + " s at half the closed-loop rate, latency from the moment each request was due");
            List<String> queries = List.of("/friends?sex=1&page_size=10", "/messages?type=Text");
            // Warm-up of both before measuring either: the JIT compiles the shared hot paths, the pools fill. Two
            // rounds: after one, C2 was still compiling in the gateway and the archive (JFR jdk.Compilation, seconds
            // of it) through the first measured run, which made /friends, measured first, look twice as costly.
            for (int round = 0; round < 2; round++) {
                for (String query : queries) {
                    LoadGenerators.closedLoop(wrk, http, gatewayUrl + query, token, connections, Math.min(15, seconds),
                            pids);
                    LoadGenerators.closedLoop(wrk, http, "http://127.0.0.1:" + archivePort + query, "X-Wechat-App-Id",
                            appId, connections, Math.min(5, seconds), pids);
                }
            }
            // The open loop runs in this JVM: warm its client too, or the first half-load run measures this JVM's
            // JIT (with wrk for the closed loops, nothing else warms it).
            for (String query : queries) {
                LoadGenerators.openLoop(gatewayUrl + query, token, 200, Math.min(5, seconds), pids);
            }
            for (String query : queries) {
                String url = gatewayUrl + query;
                HttpResponse<String> check = LoadGenerators.send(http, HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).build());
                if (check.statusCode() != 200 || !check.body().contains("\"results\":[{")) {
                    throw new IllegalStateException(query + " answered " + check.statusCode() + ": " + check.body());
                }
                report.line("");
                report.line("`%s` (%d bytes per answer)".formatted(query, check.body().getBytes(StandardCharsets.UTF_8)
                        .length));
                String loadSat = loadAverage();
                LoadGenerators.Run saturation = LoadGenerators.closedLoop(wrk, http, url, token, connections, seconds, pids);
                report.line("  saturation: %.0f req/s (%d requests, %d errors); p50 %.1f ms, p99 %.1f ms at %d"
                        .formatted(saturation.rate(), saturation.requests(), saturation.errors(), saturation.p50(),
                                saturation.p99(), connections) + " connections; CPU " + saturation.cpu() + "; load average before: " + loadSat);
                // The same calls straight to the archive (as the gateway forwards them): what the gateway costs.
                String loadDirect = loadAverage();
                LoadGenerators.Run direct = LoadGenerators.closedLoop(wrk, http, "http://127.0.0.1:" + archivePort + query, "X-Wechat-App-Id",
                        appId, connections, seconds, pids);
                report.line("  archive alone (no gateway), saturation: %.0f req/s (%d requests, %d errors); p50 %.1f ms,"
                        .formatted(direct.rate(), direct.requests(), direct.errors(), direct.p50())
                        + " p99 %.1f ms; CPU %s; load average before: %s".formatted(direct.p99(), direct.cpu(),
                        loadDirect));
                double half = saturation.rate() / 2;
                String loadOpen = loadAverage();
                LoadGenerators.Run open = LoadGenerators.openLoop(url, token, half, seconds, pids);
                report.line("  half load, %.0f req/s offered: achieved %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        .formatted(half, open.rate(), open.p50(), open.p99(), open.max()) + " (%d requests, %d errors)"
                        .formatted(open.requests(), open.errors()) + "; CPU " + open.cpu() + "; load average before: "
                        + loadOpen);
            }
            report.write(stack.databaseFacts());
        } finally {
            for (int i = processes.size() - 1; i >= 0; i--) {
                processes.get(i).close();
            }
        }
        System.exit(0);
    }

    private static JavaProcess start(List<JavaProcess> processes, ProjectLayout layout, Path logs, String module,
            List<String> args) {
        List<String> main = new ArrayList<>(List.of("-jar", layout.executableJar(module).toString()));
        main.addAll(args);
        JavaProcess process = JavaProcess.start(module, SERVICE_JVM, main, Map.of(), logs);
        processes.add(process);
        return process;
    }

    /** Registers an app with the gateway's own CLI; its app_id and app_secret. */
    private static Map<String, String> createApp(ProjectLayout layout, Path logs, Database db)
            throws InterruptedException {
        List<String> args = List.of("-jar", layout.executableJar("gateway-service").toString(), "createwechatapp",
                "--name", "bench-" + BenchmarkStack.newAppId().substring(0, 8), "--db-url", db.jdbcUrl(),
                "--db-user", db.username(), "--db-password", db.password());
        try (JavaProcess cli = JavaProcess.start("cli", List.of("-XX:TieredStopAtLevel=1"), args, Map.of(), logs)) {
            for (int i = 0; i < 1200 && cli.alive(); i++) {
                Thread.sleep(100);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : cli.logTail().split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    values.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
                }
            }
            if (!values.containsKey("app_id") || !values.containsKey("app_secret")) {
                throw new IllegalStateException("createwechatapp failed:\n" + cli.logTail());
            }
            return values;
        }
    }

    private static void loadFriends(BenchmarkStack stack, HttpClient http, JsonMapper json, int archivePort,
            String appId) throws Exception {
        try (KafkaProducer<String, CloudEvent> producer = stack.producer(Map.of(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * MAX_RECORD_BYTES,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"))) {
            producer.send(new ProducerRecord<>(Topics.CONTACTS, appId, WeChatEvents.contactsSnapshot(
                    ContactSnapshotBenchmark.snapshot(appId, FRIENDS, 0, 0, "v1", Instant.now())))).get();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = LoadGenerators.send(http, HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + archivePort + "/friends?page_size=1"))
                    .header("X-Wechat-App-Id", appId).build());
            if (page.statusCode() == 200) {
                JsonNode count = json.readTree(page.body()).get("count");
                if (count != null && count.asLong() >= FRIENDS) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the contacts snapshot was not archived within 3 minutes");
    }

    private static Optional<Long> findPid(String... names) {
        try (var entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .filter(p -> {
                        try {
                            return List.of(names).contains(Files.readString(p.resolve("comm")).strip());
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

}
