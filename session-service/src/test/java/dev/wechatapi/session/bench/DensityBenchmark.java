package dev.wechatapi.session.bench;

import dev.wechatapi.session.login.AccountSessions;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.wechat.QrLogin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * How many live sessions one session-service replica holds: logs {@code --sessions} simulated accounts in through
 * {@link AccountSessions} (real driver, real long polls against a simulator process, real Kafka), lets them idle
 * in the sync loop, measures heap after GC, threads and file descriptors, then has a friend of every account
 * write and waits for each message's event on Kafka. Stops by itself within {@code --deadline}. How to run it:
 * {@code session-service/BENCHMARK.md}.
 */
public final class DensityBenchmark {

    private DensityBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = Files.createTempDirectory("density-benchmark");
        BenchmarkStack stack = BenchmarkStack.start(work, options.syncCheckHold(), options.simulatorHeap(),
                options.maxIdleConnections() == null ? List.of()
                        : List.of("--wechat.session.http.max-idle-connections=" + options.maxIdleConnections()));
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(options.deadline());
                System.err.println("deadline of " + options.deadline() + " reached: stopping");
                stack.kill();
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException finished) {
                Thread.currentThread().interrupt();
            }
        });
        int status;
        try {
            status = run(options, stack);
        } finally {
            watchdog.interrupt();
            stack.close();
        }
        System.exit(status);
    }

    private static int run(Options options, BenchmarkStack stack) throws Exception {
        AccountSessions sessions = stack.service().getBean(AccountSessions.class);
        SimulatorControl control = stack.control();
        long baseline = heapAfterGc();
        report("heap after GC before logins", mb(baseline));

        Instant loginStart = Instant.now();
        Map<String, String> accountsByApp = logIn(options, sessions, control);
        Duration loginTime = Duration.between(loginStart, Instant.now());
        long live = accountsByApp.keySet().stream().filter(app -> sessions.live(app).isPresent()).count();
        report("sessions logged in", live + " of " + options.sessions() + " in " + loginTime.toSeconds() + " s");

        System.out.println("idling " + options.idle().toSeconds() + " s in the sync loop ...");
        Thread.sleep(options.idle());
        long heap = heapAfterGc();
        long stillLive = accountsByApp.keySet().stream().filter(app -> sessions.live(app).isPresent()).count();
        report("sessions still live after idling", Long.toString(stillLive));
        report("heap after GC", mb(heap) + " (max " + mb(Runtime.getRuntime().maxMemory()) + ")");
        report("heap per session", (stillLive == 0 ? 0 : (heap - baseline) / stillLive / 1024) + " KB");
        report("platform threads (live / peak)", ManagementFactory.getThreadMXBean().getThreadCount() + " / "
                + ManagementFactory.getThreadMXBean().getPeakThreadCount());
        report("virtual threads in sync loops", Long.toString(stillLive));
        report("open file descriptors", Long.toString(openFileDescriptors()));
        report("TCP sockets in TIME_WAIT (machine)", timeWait());
        report("simulator process", "pid " + stack.simulator().pid());

        try (SyncProbe probe = new SyncProbe(stack.kafkaBootstrapServers())) {
            Map<String, String> sample = sample(accountsByApp, options.probe());
            SyncProbe.Result result = probe.probe(control, sample, options.concurrency(), Duration.ofSeconds(120));
            report("messages delivered as events", result.delivered() + " of " + result.probed() + " in "
                    + result.total().toSeconds() + " s");
            report("injection → event latency", "p50 " + result.p50Millis() + " ms, p99 " + result.p99Millis()
                    + " ms, max " + result.maxMillis() + " ms");
            return result.delivered() == result.probed() && stillLive == options.sessions() ? 0 : 1;
        }
    }

    /** Creates the accounts and logs each in: /login's code path, then the simulated phone scans and confirms. */
    private static Map<String, String> logIn(Options options, AccountSessions sessions, SimulatorControl control)
            throws InterruptedException {
        Map<String, String> accountsByApp = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(options.concurrency());
        AtomicInteger done = new AtomicInteger();
        try (ExecutorService logins = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < options.sessions(); i++) {
                String appId = "%032x".formatted(0xbe00000000L + i);
                String accountId = "bench-" + i;
                permits.acquire();
                logins.submit(() -> {
                    try {
                        control.createAccount(Map.of("accountId", accountId, "friends", 3, "groups", 1,
                                "membersPerGroup", 2, "mps", 1));
                        QrLogin qr = sessions.startLogin(appId).block(Duration.ofSeconds(60));
                        control.scanAndConfirm(qr.uuid(), accountId);
                        awaitLive(sessions, appId, Duration.ofSeconds(120));
                        accountsByApp.put(appId, accountId);
                    } catch (RuntimeException | InterruptedException e) {
                        System.err.println("login of " + accountId + " failed: " + e);
                    } finally {
                        permits.release();
                        int n = done.incrementAndGet();
                        if (n % 1000 == 0) {
                            System.out.println(n + " logins done");
                        }
                    }
                    return null;
                });
            }
        }
        return accountsByApp;
    }

    private static void awaitLive(AccountSessions sessions, String appId, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sessions.live(appId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not live within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static Map<String, String> sample(Map<String, String> accountsByApp, int size) {
        Map<String, String> sample = new LinkedHashMap<>();
        accountsByApp.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(size)
                .forEach(e -> sample.put(e.getKey(), e.getValue()));
        return sample;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(500);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Connections closed within the last minute or so, machine-wide: how much the pool churns. */
    private static String timeWait() {
        try {
            return Files.readAllLines(Path.of("/proc/net/sockstat")).stream().filter(l -> l.startsWith("TCP:"))
                    .map(l -> l.replaceAll(".* tw (\\d+).*", "$1")).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String mb(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    private static void report(String what, String value) {
        System.out.printf("| %-36s | %s |%n", what, value);
    }

    /** Command-line options, {@code --name value}. */
    record Options(int sessions, int concurrency, int probe, Duration idle, Duration syncCheckHold,
            Duration deadline, String simulatorHeap, Integer maxIdleConnections) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            List<String> known = List.of("sessions", "concurrency", "probe", "idle", "sync-check-hold", "deadline",
                    "simulator-heap", "max-idle-connections");
            given.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown option --" + k + "; known: " + known);
            });
            int sessions = Integer.parseInt(given.getOrDefault("sessions", "10000"));
            return new Options(sessions,
                    Integer.parseInt(given.getOrDefault("concurrency", "32")),
                    Integer.parseInt(given.getOrDefault("probe", Integer.toString(sessions))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("idle", "40"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("sync-check-hold", "25"))),
                    Duration.ofMinutes(Long.parseLong(given.getOrDefault("deadline", "20"))),
                    given.getOrDefault("simulator-heap", "3g"),
                    given.containsKey("max-idle-connections")
                            ? Integer.valueOf(given.get("max-idle-connections")) : null);
        }
    }
}
