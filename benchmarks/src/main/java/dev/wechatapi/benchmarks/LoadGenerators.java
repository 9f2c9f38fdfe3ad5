package dev.wechatapi.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.netty.resources.ConnectionProvider;

/** The load the read-path benchmark puts on an endpoint: closed loop (wrk or Java) and open loop at a fixed rate. */
final class LoadGenerators {

    private LoadGenerators() {}

    record Run(double rate, long requests, long errors, double p50, double p99, double max, String cpu) {}

    static Run closedLoop(boolean wrk, HttpClient http, String url, String token, int connections,
            int seconds, Map<String, Long> pids) throws Exception {
        return closedLoop(wrk, http, url, "Authorization", "Bearer " + token, connections, seconds, pids);
    }

    static Run closedLoop(boolean wrk, HttpClient http, String url, String header, String value,
            int connections, int seconds, Map<String, Long> pids) throws Exception {
        return wrk ? wrk(url, header, value, connections, seconds, pids) : javaClosedLoop(http, url, header, value,
                connections, seconds, pids);
    }

    static Run wrk(String url, String header, String value, int connections, int seconds,
            Map<String, Long> pids) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "10s", "-H", header + ": " + value, url)
                .redirectErrorStream(true).start();
        Map<String, Long> withWrk = new LinkedHashMap<>(pids);
        withWrk.remove("benchmark JVM");
        withWrk.put("wrk", process.pid());
        ProcessCpu cpu = ProcessCpu.start(withWrk);
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

    static double millis(String wrkOutput, String label) {
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

    static double number(String text, String regex) {
        double value = numberOr(text, regex, Double.NaN);
        if (Double.isNaN(value)) {
            throw new IllegalStateException("unexpected wrk output:\n" + text);
        }
        return value;
    }

    static double numberOr(String text, String regex, double otherwise) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }

    static Run javaClosedLoop(HttpClient http, String url, String header, String value, int connections,
            int seconds, Map<String, Long> pids) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header(header, value)
                .timeout(Duration.ofSeconds(10)).build();
        Latencies latencies = new Latencies(5_000_000);
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ProcessCpu cpu = ProcessCpu.start(pids);
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

    /**
     * Requests due at fixed intervals whatever the answers; each latency counts from when its request was due. They go
     * out through Reactor Netty's client (pooled connections, no thread per request): the JDK client this used before
     * took as much CPU as the gateway (0.4-0.65 cores at 1,000 req/s) on the same 2 cores, and that showed in the
     * latencies it measured.
     */
    static Run openLoop(String url, String token, double rate, int seconds, Map<String, Long> pids) throws Exception {
        ConnectionProvider connections = ConnectionProvider.builder("open-loop")
                .maxConnections(512)
                .pendingAcquireMaxCount(-1)
                .build();
        reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.create(connections)
                .headers(headers -> headers.set("Authorization", "Bearer " + token))
                .responseTimeout(Duration.ofSeconds(10));
        int total = (int) (rate * seconds);
        Latencies latencies = new Latencies(total + 1);
        AtomicLong errors = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(total);
        double interval = 1e9 / rate;
        ProcessCpu cpu = ProcessCpu.start(pids);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * interval);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                client.get().uri(url)
                        .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
                                .map(bytes -> response.status().code() == 200))
                        .onErrorReturn(false)
                        .subscribe(ok -> {
                            long took = System.nanoTime() - due;
                            synchronized (latencies) {
                                latencies.add(took);
                            }
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            answered.countDown();
                        });
            }
            if (!answered.await(seconds + 30L, TimeUnit.SECONDS)) {
                throw new IllegalStateException(answered.getCount() + " open-loop requests never answered");
            }
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(10));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String usage = cpu.stop();
        synchronized (latencies) {
            return new Run(latencies.size() / elapsed, latencies.size(), errors.get(), latencies.percentile(50),
                    latencies.percentile(99), latencies.percentile(100), usage);
        }
    }

    static boolean ok(HttpClient http, HttpRequest request) {
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

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // By /proc/<pid>/comm: the servers may run as other users, whose command lines ProcessHandle does not show.
}
