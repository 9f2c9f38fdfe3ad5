package dev.wechatapi.benchmarks;

import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.testsupport.Database;
import dev.wechatapi.testsupport.LocalStack;
import dev.wechatapi.testsupport.StackOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end, received → queryable: friends of several simulated accounts write to them at a fixed total rate (open
 * loop: message {@code i} is due at {@code start + i / rate}), the session service syncs them from the simulator and
 * publishes them to Kafka, the archive stores them in MariaDB. The latency of a message runs from the moment it was
 * due until a poller (every {@value #POLL_MILLIS} ms, primary-key lookups of the messages still in flight) sees its row
 * committed, which is when {@code /messages} can return it. Every process is the real one, started as in the system
 * tests (Kafka, simulator, archive, session and gateway from their jars).
 *
 * <pre>{@code benchmarks/run received-to-queryable [messages-per-second] [seconds] [accounts]}   # default 1000 30 10</pre>
 */
public final class ReceivedToQueryableBenchmark {

    private static final int POLL_MILLIS = 20;
    private static final int MAX_LOOKUPS = 20_000;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // SERVICE_JVM in the environment replaces them, e.g. to add -XX:StartFlightRecording=filename=/tmp/r-%p.jfr
    private static final String SERVICE_JVM = System.getenv().getOrDefault("SERVICE_JVM",
            "-Xmx1g -Xms1g -XX:+UseParallelGC");

    private ReceivedToQueryableBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Report report = new Report("received-to-queryable", "End to end: received → queryable",
                "benchmarks/run received-to-queryable " + rate + " " + seconds + " " + accounts)
                .processes("Kafka, the simulator, archive-service, session-service and gateway-service run in their"
                        + " own JVMs (services: " + SERVICE_JVM + "); the benchmark's JVM injects the messages and polls"
                        + " MariaDB");
        // The services as they would run in production, not with the tests' quick-start options.
        System.setProperty("wechat.stack.service-jvm", SERVICE_JVM);
        StackOptions options = StackOptions.forTests();
        try (LocalStack stack = LocalStack.start(options)) {
            SimulatorControl simulator = new SimulatorControl(URI.create(stack.simulatorUrl()));
            Map<String, String> apps = new java.util.LinkedHashMap<>();
            for (int i = 0; i < accounts; i++) {
                String appId = UUID.randomUUID().toString().replace("-", "");
                apps.put(appId, login(stack.sessionUrl(), simulator, appId, "延迟测试 " + i));
            }
            report.line("%d accounts logged in, each with one friend writing to it".formatted(accounts));
            try (Connection db = connect(options.archiveDatabase())) {
                run(simulator, apps, db, rate, (int) WARM_UP.toSeconds(), null);
                ProcessCpu cpu = ProcessCpu.start(processes(stack));
                EventTimings timings = new EventTimings(stack.kafkaBootstrapServers(), apps.keySet());
                Latencies latencies = run(simulator, apps, db, rate, seconds, report);
                report.line("CPU during the run: " + cpu.stop());
                timings.close();
                report.line(timings.summary());
                report.line("of which session synced it → archive wrote its row (archived_at - receive_time): "
                        + archiveLag(db, apps.keySet()).summary());
                report.line("received → queryable at %d msg/s for %d s: %s".formatted(rate, seconds,
                        latencies.summary()));
                report.line("target: p99 < 250 ms at 1,000 msg/s: " + (latencies.percentile(99) < 250 && rate >= 1000
                        ? "met" : "not met"));
            }
        }
        report.write(List.of("database: MariaDB on 127.0.0.1:3306 (the archive's own database, created for the run)"));
        System.exit(0);
    }

    /** Injects for {@code seconds} at {@code rate} and waits until every message is queryable (at most 60 s more). */
    private static Latencies run(SimulatorControl simulator, Map<String, String> apps, Connection db, int rate,
            int seconds, Report report) throws Exception {
        int total = rate * seconds;
        long period = 1_000_000_000L / rate;
        List<String> appIds = new ArrayList<>(apps.keySet());
        ConcurrentMap<String, ConcurrentMap<Long, Long>> inFlight = new ConcurrentHashMap<>();
        appIds.forEach(app -> inFlight.put(app, new ConcurrentHashMap<>()));
        Latencies latencies = new Latencies(total);
        // How late the simulator had each message: the part of the latency spent before WeChat "received" it.
        Latencies injected = new Latencies(total);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        long start = System.nanoTime() + 50_000_000L;
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        var injectors = Executors.newVirtualThreadPerTaskExecutor();
        AtomicInteger next = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            // Catch up on every message due by now: a late tick must not lower the offered rate.
            long now = System.nanoTime();
            int due;
            while ((due = next.get()) < total && start + due * period <= now && next.compareAndSet(due, due + 1)) {
                int i = due;
                long dueAt = start + i * period;
                injectors.execute(() -> {
                    String app = appIds.get(i % appIds.size());
                    try {
                        String msgId = simulator.injectMessage(apps.get(app), Map.of("from", "小王",
                                "text", "延迟 " + i)).get("msgId").asString();
                        inFlight.get(app).put(Long.parseLong(msgId), dueAt);
                        synchronized (injected) {
                            injected.add(System.nanoTime() - dueAt);
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        long deadline = start + seconds * 1_000_000_000L + 60_000_000_000L;
        int seen = 0;
        while (seen < total - failed.get() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            for (Map.Entry<String, Long> row : committed(db, inFlight)) {
                Long dueAt = inFlight.get(row.getKey()).remove(row.getValue());
                if (dueAt != null) {
                    latencies.add(System.nanoTime() - dueAt);
                    seen++;
                }
            }
        }
        clock.shutdownNow();
        injectors.shutdown();
        late.set(inFlight.values().stream().mapToInt(Map::size).sum());
        if (report != null) {
            double offered = (double) total / seconds;
            report.line("due → the simulator had the message (its injecting HTTP call returned): "
                    + injected.summary());
            report.line("offered %d messages in %d s (%.0f msg/s), %d injections failed, %d not queryable 60 s after the end"
                    .formatted(total, seconds, offered, failed.get(), late.get()));
        }
        return latencies;
    }

    /** Which of the messages in flight have a committed row now, as (app id, msg id): one query per poll. */
    private static List<Map.Entry<String, Long>> committed(Connection db,
            Map<String, ConcurrentMap<Long, Long>> inFlight) throws Exception {
        List<Map.Entry<String, Long>> pending = new ArrayList<>();
        inFlight.forEach((app, ids) -> ids.keySet().forEach(id -> pending.add(Map.entry(app, id))));
        // A statement holds at most 65,535 placeholders; the rest are looked up at the next poll.
        if (pending.size() > MAX_LOOKUPS) {
            pending.subList(MAX_LOOKUPS, pending.size()).clear();
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        // (app_id, msg_id) pairs: primary-key lookups, however many apps are in flight.
        try (PreparedStatement query = db.prepareStatement("SELECT app_id, msg_id FROM messages WHERE direction = "
                + "'RECEIVED' AND (app_id, msg_id) IN (" + String.join(",", java.util.Collections.nCopies(
                        pending.size(), "(?,?)")) + ")")) {
            int index = 1;
            for (Map.Entry<String, Long> message : pending) {
                query.setString(index++, message.getKey());
                query.setLong(index++, message.getValue());
            }
            List<Map.Entry<String, Long>> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(Map.entry(rows.getString(1), rows.getLong(2)));
                }
            }
            return found;
        }
    }

    /** archived_at - receive_time of every received message of these apps: the Kafka and archive part. */
    private static Latencies archiveLag(Connection db, java.util.Set<String> apps) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT TIMESTAMPDIFF(MICROSECOND, receive_time, "
                + "archived_at) FROM messages WHERE direction = 'RECEIVED' AND app_id IN (" + marks(apps.size()) + ")")) {
            int index = 1;
            for (String app : apps) {
                query.setString(index++, app);
            }
            List<Long> lags = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lags.add(rows.getLong(1));
                }
            }
            Latencies latencies = new Latencies(lags.size());
            lags.forEach(micros -> latencies.add(micros * 1000));
            return latencies;
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc", Long.toString(pid),
                    "cmdline")), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private static String marks(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    /** The processes that carry a message from the simulator to the archive, by name, for their CPU figures. */
    private static Map<String, Long> processes(LocalStack stack) {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (String name : List.of("wechat-simulator", "session-service", "archive-service")) {
            pids.put(name, stack.process(name).pid());
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                .findFirst().ifPresent(p -> pids.put("mariadb", p.pid()));
        ProcessHandle.allProcesses().filter(p -> commandLine(p.pid()).contains("kafka.Kafka")).findFirst()
                .ifPresent(p -> pids.put("kafka", p.pid()));
        pids.put("benchmark", ProcessHandle.current().pid());
        return pids;
    }

    private static Connection connect(Database database) throws Exception {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
        connection.setAutoCommit(true);
        return connection;
    }

    /** A QR login of a new simulated account with one friend, straight at the session service. */
    private static String login(String sessionUrl, SimulatorControl simulator, String appId, String nickName)
            throws Exception {
        String accountId = simulator.createAccount(Map.of("nickName", nickName, "friends", List.of("小王"),
                "groups", 0, "mps", 0)).get("accountId").asString();
        HttpClient http = HttpClient.newHttpClient();
        String uuid = JSON.readTree(get(http, sessionUrl + "/login", appId)).get("uuid").asString();
        simulator.scanAndConfirm(uuid, accountId);
        for (int i = 0; i < 300; i++) {
            if (get(http, sessionUrl + "/check-login?uuid=" + uuid, appId).contains("\"status\":\"200\"")) {
                return accountId;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("app " + appId + " did not log in");
    }

    private static String get(HttpClient http, String url, String appId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Wechat-App-Id", appId).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
