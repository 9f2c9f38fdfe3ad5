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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end, received → queryable: friends of several simulated accounts write to them at a fixed total rate (open
 * loop, the simulator's message streams: message {@code n} of a stream is due at {@code start + (n - 1) / rate}), the
 * session service syncs them from the simulator and publishes them to Kafka, the archive stores them in MariaDB. The
 * latency of a message runs from the moment it was due until a poller (every {@value #POLL_MILLIS} ms, an index range
 * from the first message not yet seen) sees its row committed, which is when {@code /messages} can return it. Every process is the real one, started as in the system
 * tests (Kafka, simulator, archive, session and gateway from their jars).
 *
 * <pre>{@code benchmarks/run received-to-queryable [messages-per-second] [seconds] [accounts]}   # default 1000 30 10</pre>
 */
public final class ReceivedToQueryableBenchmark {

    private static final int POLL_MILLIS = 20;
    private static final int WINDOW_SECONDS = 5;
    // Five JVMs compile their hot paths on the same 2 cores at first; WARM_UP_SECONDS in the environment changes it.
    private static final Duration WARM_UP = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("WARM_UP_SECONDS", "30")));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // SERVICE_JVM in the environment replaces them, e.g. to add -XX:StartFlightRecording=filename=/tmp/r-%p.jfr
    private static final String SERVICE_JVM = System.getenv().getOrDefault("SERVICE_JVM",
            "-Xmx1g -Xms1g -XX:+UseParallelGC");

    // TIMINGS=1: also split the latency at Kafka (a consumer in this JVM reads every record: it costs CPU the
    // pipeline then lacks on a 2-core machine, so it is off by default).
    private static final boolean TIMINGS = "1".equals(System.getenv("TIMINGS"));

    private ReceivedToQueryableBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Report report = new Report("received-to-queryable", "End to end: received → queryable",
                "benchmarks/run received-to-queryable " + rate + " " + seconds + " " + accounts)
                .processes("Kafka, the simulator, archive-service, session-service and gateway-service run in their"
                        + " own JVMs (services: " + SERVICE_JVM + "); the simulator injects the messages (a message stream"
                        + " per account) and the benchmark's JVM polls MariaDB" + (TIMINGS ? " and reads the topic" : ""));
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
            report.line(("%d accounts logged in, each with one friend writing to it; the load runs %d s, of which"
                    + " the first %d s warm up (five JVMs compile their hot paths on the same cores) and are not"
                    + " counted").formatted(accounts, WARM_UP.toSeconds() + seconds, WARM_UP.toSeconds()));
            try (Connection db = connect(options.archiveDatabase())) {
                EventTimings[] timings = new EventTimings[1];
                ProcessCpu[] cpu = new ProcessCpu[1];
                Instant[] measured = new Instant[1];
                Latencies latencies = run(simulator, apps, db, rate, (int) WARM_UP.toSeconds(), seconds, report, () -> {
                    measured[0] = Instant.now();
                    cpu[0] = ProcessCpu.start(processes(stack));
                    timings[0] = TIMINGS ? new EventTimings(stack.kafkaBootstrapServers(), apps.keySet()) : null;
                });
                report.line("CPU while counted: " + cpu[0].stop());
                if (timings[0] != null) {
                    timings[0].close();
                    report.line(timings[0].summary());
                }
                report.line("of which session synced it → archive wrote its row (archived_at - receive_time): "
                        + archiveLag(db, apps.keySet(), measured[0]).summary());
                report.line("received → queryable at %d msg/s for %d s: %s".formatted(rate, seconds,
                        latencies.summary()));
                report.line("target: p99 < 250 ms at 1,000 msg/s: " + (latencies.percentile(99) < 250 && rate >= 1000
                        ? "met" : "not met"));
            }
        }
        report.write(List.of("database: MariaDB on 127.0.0.1:3306 (the archive's own database, created for the run)"));
        System.exit(0);
    }

    /**
     * Has the simulator inject for {@code warmUp + seconds} at {@code rate} in all (one message stream per account,
     * each at {@code rate / accounts}) and waits until every message is queryable (at most 60 s more); only messages
     * due after the warm-up count, and {@code counting} runs when they begin. The streams run inside the simulator, so
     * this JVM does not spend a core on one HTTP call per message: message {@code n} of a stream is due at
     * {@code startedAt + (n - 1) / rate}, and its text says {@code n}.
     */
    private static Latencies run(SimulatorControl simulator, Map<String, String> apps, Connection db, int rate,
            int warmUp, int seconds, Report report, Runnable counting) throws Exception {
        List<Stream> streams = new ArrayList<>();
        double perAccount = (double) rate / apps.size();
        int total = 0;
        for (Map.Entry<String, String> app : apps.entrySet()) {
            JsonNode started = simulator.startMessageStream(app.getValue(), perAccount, warmUp + seconds,
                    Map.of("from", "小王", "text", "延迟 {n}"));
            Stream stream = new Stream(app.getKey(), started.get("streamId").asString(),
                    Instant.parse(started.get("startedAt").asString()), perAccount, started.get("total").asInt(),
                    (int) Math.round(perAccount * warmUp));
            streams.add(stream);
            total += stream.total - stream.uncounted;
        }
        Instant countFrom = streams.getFirst().due(streams.getFirst().uncounted + 1);
        Latencies latencies = new Latencies(total);
        // The same latencies by when the message was due, in windows of WINDOW_SECONDS: a backlog shows where it grew.
        List<Latencies> windows = new ArrayList<>();
        for (int w = 0; w * WINDOW_SECONDS < seconds; w++) {
            windows.add(new Latencies(total));
        }
        Instant deadline = Instant.now().plusSeconds(warmUp + seconds + 60L);
        boolean countingStarted = false;
        int seen = 0;
        try (PreparedStatement query = db.prepareStatement("SELECT text FROM messages WHERE app_id = ? AND "
                + "direction = 'RECEIVED' AND receive_time >= ?")) {
            while (seen < total && Instant.now().isBefore(deadline)) {
                Thread.sleep(POLL_MILLIS);
                if (!countingStarted && !Instant.now().isBefore(countFrom)) {
                    countingStarted = true;
                    counting.run();
                }
                for (Stream stream : streams) {
                    seen += stream.poll(query, latencies, windows);
                }
            }
        }
        if (!countingStarted) {
            counting.run();
        }
        {
            Latencies streamEnds = new Latencies(streams.size());
            int injected = 0;
            for (Stream stream : streams) {
                JsonNode progress = simulator.messageStream(stream.id);
                injected += progress.get("injected").asInt();
                if (!progress.path("finishedAt").isNull()) {
                    Instant finished = Instant.parse(progress.get("finishedAt").asString());
                    streamEnds.add(Math.max(0, Duration.between(stream.due(stream.total), finished).toNanos()));
                }
            }
            report.line("the simulator's streams: %d injected of %d; last message injected after its due time by %s"
                    .formatted(injected, streams.stream().mapToInt(st -> st.total).sum(), streamEnds.summary()));
            report.line("offered %d messages in %d s (%d msg/s over %d accounts), %d not queryable 60 s after the end"
                    .formatted(total, seconds, rate, apps.size(), total - seen));
            StringBuilder byWindow = new StringBuilder("p99 by when the message was due, per %d s: ".formatted(
                    WINDOW_SECONDS));
            for (int w = 0; w < windows.size(); w++) {
                byWindow.append(w == 0 ? "" : ", ").append("%ds %.0f ms".formatted(w * WINDOW_SECONDS,
                        windows.get(w).percentile(99)));
            }
            report.line(byWindow.toString());
        }
        return latencies;
    }

    /** One account's message stream and which of its messages the poller has seen committed. */
    private static final class Stream {

        final String appId;
        final String id;
        final Instant startedAt;
        final long periodNanos;
        final int total;
        // Messages 1..uncounted are the warm-up: followed, not timed.
        final int uncounted;
        final java.util.BitSet seen = new java.util.BitSet();
        int firstUnseen = 1;

        Stream(String appId, String id, Instant startedAt, double rate, int total, int uncounted) {
            this.appId = appId;
            this.id = id;
            this.startedAt = startedAt;
            this.periodNanos = Math.round(1_000_000_000d / rate);
            this.total = total;
            this.uncounted = uncounted;
        }

        Instant due(int n) {
            return startedAt.plusNanos((n - 1) * periodNanos);
        }

        /**
         * Reads the rows the session received since the first message not yet seen was due (a message cannot be
         * received before it is due, so none is missed), and times the new ones; answers how many were new.
         */
        int poll(PreparedStatement query, Latencies latencies, List<Latencies> windows) throws Exception {
            if (firstUnseen > total) {
                return 0;
            }
            query.setString(1, appId);
            // The archive keeps times as UTC DATETIME(3).
            query.setObject(2, java.time.LocalDateTime.ofInstant(due(firstUnseen).minusMillis(1),
                    java.time.ZoneOffset.UTC));
            int fresh = 0;
            try (ResultSet rows = query.executeQuery()) {
                Instant now = Instant.now();
                while (rows.next()) {
                    int n = Integer.parseInt(rows.getString(1).substring("延迟 ".length()));
                    if (n >= 1 && n <= total && !seen.get(n)) {
                        seen.set(n);
                        if (n > uncounted) {
                            long latency = Math.max(0, Duration.between(due(n), now).toNanos());
                            latencies.add(latency);
                            int window = (int) (Duration.between(due(uncounted + 1), due(n)).toSeconds()
                                    / WINDOW_SECONDS);
                            windows.get(Math.min(window, windows.size() - 1)).add(latency);
                            fresh++;
                        }
                    }
                }
            }
            while (firstUnseen <= total && seen.get(firstUnseen)) {
                firstUnseen++;
            }
            return fresh;
        }
    }

    /** archived_at - receive_time of the received messages of these apps since the run began: Kafka and the archive. */
    private static Latencies archiveLag(Connection db, java.util.Set<String> apps, Instant since) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT TIMESTAMPDIFF(MICROSECOND, receive_time, "
                + "archived_at) FROM messages WHERE direction = 'RECEIVED' AND app_id IN (" + marks(apps.size()) + ")"
                + " AND receive_time >= ?")) {
            int index = 1;
            for (String app : apps) {
                query.setString(index++, app);
            }
            query.setObject(index, java.time.LocalDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
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
