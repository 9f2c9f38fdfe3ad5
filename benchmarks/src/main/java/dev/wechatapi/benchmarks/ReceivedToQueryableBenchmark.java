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
import java.util.stream.Collectors;
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

    private static final int POLL_MILLIS = 10;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReceivedToQueryableBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Report report = new Report("received-to-queryable", "End to end: received → queryable",
                "benchmarks/run received-to-queryable " + rate + " " + seconds + " " + accounts)
                .processes("Kafka, the simulator, archive-service, session-service and gateway-service run in their"
                        + " own JVMs (as in the system tests: -Xmx384m, serial GC, C1 only); the benchmark's JVM injects"
                        + " the messages and polls MariaDB");
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
                Latencies latencies = run(simulator, apps, db, rate, seconds, report);
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
            for (String app : appIds) {
                ConcurrentMap<Long, Long> pending = inFlight.get(app);
                if (pending.isEmpty()) {
                    continue;
                }
                for (long msgId : committed(db, app, List.copyOf(pending.keySet()))) {
                    Long dueAt = pending.remove(msgId);
                    if (dueAt != null) {
                        latencies.add(System.nanoTime() - dueAt);
                        seen++;
                    }
                }
            }
        }
        clock.shutdownNow();
        injectors.shutdown();
        late.set(inFlight.values().stream().mapToInt(Map::size).sum());
        if (report != null) {
            double offered = (double) total / seconds;
            report.line("offered %d messages in %d s (%.0f msg/s), %d injections failed, %d not queryable 60 s after the end"
                    .formatted(total, seconds, offered, failed.get(), late.get()));
        }
        return latencies;
    }

    /** Which of these message ids of the app have a committed row. */
    private static List<Long> committed(Connection db, String app, List<Long> msgIds) throws Exception {
        String in = msgIds.stream().map(id -> "?").collect(Collectors.joining(","));
        try (PreparedStatement query = db.prepareStatement("SELECT msg_id FROM messages WHERE app_id = ? AND "
                + "direction = 'RECEIVED' AND msg_id IN (" + in + ")")) {
            query.setString(1, app);
            for (int i = 0; i < msgIds.size(); i++) {
                query.setLong(i + 2, msgIds.get(i));
            }
            List<Long> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
            return found;
        }
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
