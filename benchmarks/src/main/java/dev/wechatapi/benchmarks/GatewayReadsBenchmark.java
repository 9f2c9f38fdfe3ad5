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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            String token = json.readTree(send(http, HttpRequest.newBuilder(URI.create(gatewayUrl
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
                    + " connections, " + seconds + " s; open loop: this JVM (JDK HttpClient, virtual threads), "
                    + seconds + " s at half the closed-loop rate, latency from the moment each request was due");
            List<String> queries = List.of("/friends?sex=1&page_size=10", "/messages?type=Text");
            // Warm-up of both before measuring either: the JIT compiles the shared hot paths, the pools fill.
            for (String query : queries) {
                closedLoop(wrk, http, gatewayUrl + query, token, connections, Math.min(15, seconds), pids);
                closedLoop(wrk, http, "http://127.0.0.1:" + archivePort + query, "X-Wechat-App-Id", appId,
                        connections, Math.min(5, seconds), pids);
            }
            for (String query : queries) {
                String url = gatewayUrl + query;
                HttpResponse<String> check = send(http, HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).build());
                if (check.statusCode() != 200 || !check.body().contains("\"results\":[{")) {
                    throw new IllegalStateException(query + " answered " + check.statusCode() + ": " + check.body());
                }
                report.line("");
                report.line("`%s` (%d bytes per answer)".formatted(query, check.body().getBytes(StandardCharsets.UTF_8)
                        .length));
                String loadSat = loadAverage();
                Run saturation = closedLoop(wrk, http, url, token, connections, seconds, pids);
                report.line("  saturation: %.0f req/s (%d requests, %d errors); p50 %.1f ms, p99 %.1f ms at %d"
                        .formatted(saturation.rate(), saturation.requests(), saturation.errors(), saturation.p50(),
                                saturation.p99(), connections) + " connections; CPU " + saturation.cpu() + "; load average before: " + loadSat);
                // The same calls straight to the archive (as the gateway forwards them): what the gateway costs.
                String loadDirect = loadAverage();
                Run direct = closedLoop(wrk, http, "http://127.0.0.1:" + archivePort + query, "X-Wechat-App-Id",
                        appId, connections, seconds, pids);
                report.line("  archive alone (no gateway), saturation: %.0f req/s (%d requests, %d errors); p50 %.1f ms,"
                        .formatted(direct.rate(), direct.requests(), direct.errors(), direct.p50())
                        + " p99 %.1f ms; CPU %s; load average before: %s".formatted(direct.p99(), direct.cpu(),
                        loadDirect));
                double half = saturation.rate() / 2;
                String loadOpen = loadAverage();
                Run open = openLoop(http, url, token, half, seconds, pids);
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
            HttpResponse<String> page = send(http, HttpRequest.newBuilder(
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

    record Run(double rate, long requests, long errors, double p50, double p99, double max, String cpu) {}

    private static Run closedLoop(boolean wrk, HttpClient http, String url, String token, int connections,
            int seconds, Map<String, Long> pids) throws Exception {
        return closedLoop(wrk, http, url, "Authorization", "Bearer " + token, connections, seconds, pids);
    }

    private static Run closedLoop(boolean wrk, HttpClient http, String url, String header, String value,
            int connections, int seconds, Map<String, Long> pids) throws Exception {
        return wrk ? wrk(url, header, value, connections, seconds, pids) : javaClosedLoop(http, url, header, value,
                connections, seconds, pids);
    }

    private static Run wrk(String url, String header, String value, int connections, int seconds,
            Map<String, Long> pids) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "10s", "-H", header + ": " + value, url)
                .redirectErrorStream(true).start();
        Map<String, Long> withWrk = new LinkedHashMap<>(pids);
        withWrk.remove("benchmark JVM");
        withWrk.put("wrk", process.pid());
        Cpu cpu = Cpu.start(withWrk);
        // Read before wrk exits, while its /proc entry is there: over all but the last second of the run.
        Thread.sleep(Math.max(1, seconds - 1) * 1000L);
        String usage = cpu.stop();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not stop");
        }
        double rate = number(output, "Requests/sec:\\s+([0-9.]+)");
        long requests = (long) number(output, "([0-9]+) requests in");
        long errors = (long) numberOr(output, "Non-2xx or 3xx responses:\\s+([0-9]+)", 0)
                + (long) numberOr(output, "Socket errors:.*?timeout ([0-9]+)", 0);
        return new Run(rate, requests, errors, millis(output, "50%"), millis(output, "99%"),
                millis(output, "Latency"), usage);
    }

    private static double millis(String wrkOutput, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\b")
                .matcher(wrkOutput);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String text, String regex) {
        double value = numberOr(text, regex, Double.NaN);
        if (Double.isNaN(value)) {
            throw new IllegalStateException("unexpected wrk output:\n" + text);
        }
        return value;
    }

    private static double numberOr(String text, String regex, double otherwise) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }

    private static Run javaClosedLoop(HttpClient http, String url, String header, String value, int connections,
            int seconds, Map<String, Long> pids) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header(header, value)
                .timeout(Duration.ofSeconds(10)).build();
        Latencies latencies = new Latencies(5_000_000);
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Cpu cpu = Cpu.start(pids);
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                workers.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        boolean ok = ok(http, request);
                        long took = System.nanoTime() - sent;
                        synchronized (latencies) {
                            latencies.add(took);
                        }
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String usage = cpu.stop();
        return new Run(latencies.size() / elapsed, latencies.size(), errors.get(), latencies.percentile(50),
                latencies.percentile(99), latencies.percentile(100), usage);
    }

    /** Requests due at fixed intervals whatever the answers; each latency counts from when its request was due. */
    private static Run openLoop(HttpClient http, String url, String token, double rate, int seconds,
            Map<String, Long> pids) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).build();
        long total = (long) (rate * seconds);
        Latencies latencies = new Latencies((int) total + 1);
        AtomicLong errors = new AtomicLong();
        double interval = 1e9 / rate;
        Cpu cpu = Cpu.start(pids);
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * interval);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                senders.submit(() -> {
                    boolean ok = ok(http, request);
                    long took = System.nanoTime() - due;
                    synchronized (latencies) {
                        latencies.add(took);
                    }
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String usage = cpu.stop();
        return new Run(latencies.size() / elapsed, latencies.size(), errors.get(), latencies.percentile(50),
                latencies.percentile(99), latencies.percentile(100), usage);
    }

    private static boolean ok(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // By /proc/<pid>/comm: the servers may run as other users, whose command lines ProcessHandle does not show.
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

    /** CPU time (user + system) each process used between start and stop, in cores (1.00 = one core busy). */
    private record Cpu(Map<String, Long> pids, Map<String, Long> ticks, long startNanos) {

        static Cpu start(Map<String, Long> pids) {
            Map<String, Long> ticks = new LinkedHashMap<>();
            pids.forEach((name, pid) -> ticks.put(name, ticks(pid)));
            return new Cpu(pids, ticks, System.nanoTime());
        }

        String stop() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            List<String> parts = new ArrayList<>();
            pids.forEach((name, pid) -> {
                long used = ticks(pid) - ticks.get(name);
                parts.add("%s %.2f".formatted(name, used / 100.0 / seconds));
            });
            return String.join(", ", parts) + " cores";
        }

        // utime + stime (fields 14 and 15 of /proc/<pid>/stat, after the command in parentheses), 100 per second.
        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
