package dev.wechatapi.simulator.fidelity;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Node.js program from {@code src/test/node/<name>} run as a child process: its npm dependencies installed once
 * into {@code target/}, its stdout read as one JSON event per line.
 */
final class NodeHarness implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private NodeHarness(Process process) {
        this.process = process;
        Thread.ofVirtual().start(this::readEvents);
    }

    /** Copies the harness to {@code target/}, runs {@code npm ci} there when needed, and starts {@code script}. */
    static NodeHarness start(String name, String script, String... args) {
        Path source = Path.of("src/test/node", name);
        Path work = Path.of("target/node", name);
        try {
            copy(source, work);
            if (!Files.isDirectory(work.resolve("node_modules/wechat4u"))) {
                run(work, List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(3));
            }
            List<String> command = new ArrayList<>(List.of("node", script));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .start();
            return new NodeHarness(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether node and npm can be run on this machine. */
    static boolean available() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS)
                    && new ProcessBuilder("npm", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next event (in order of arrival, skipping others) that matches, or a failure listing what came. */
    JsonNode await(String what, Duration timeout, Predicate<JsonNode> matches) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
                if (event == null) {
                    return fail("wechat4u did not report " + what + " within " + timeout + "; it reported:\n"
                            + String.join("\n", seen));
                }
                if (matches.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted waiting for " + what);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void readEvents() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (seen) {
                    seen.add(line);
                }
                if (line.startsWith("{")) {
                    events.add(JSON.readTree(line));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended; await() reports what it had said.
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void run(Path directory, List<String> command, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("npm.log").toFile())
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " failed:\n" + Files.readString(directory.resolve("npm.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted running " + command);
        }
    }
}
