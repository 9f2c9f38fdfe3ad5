package dev.wechatapi.system;

import dev.wechatapi.testsupport.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./dev up} run from the repository root as the README says, with the jar the build already made
 * ({@code DEV_SKIP_BUILD=1}); its output goes to a log file that {@link #awaitUp} reads.
 */
final class DevUp implements AutoCloseable {

  private final Process process;
  private final Path log;

  private DevUp(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static DevUp start(Path log, List<String> options) {
    List<String> command = new ArrayList<>(List.of("bash", "./dev", "up"));
    command.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(ProjectLayout.locate().root().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("DEV_SKIP_BUILD", "1");
    try {
      return new DevUp(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the welcome lines; fails with the log's end if the process exits or the time runs out. */
  String awaitUp(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      String output = output();
      if (output.contains("Press Ctrl-C to stop.")) {
        return output;
      }
      if (!process.isAlive()) {
        throw new AssertionError("./dev up exited with " + process.exitValue() + ":\n" + tail(output));
      }
      sleep(Duration.ofMillis(250));
    }
    throw new AssertionError("./dev up was not up within " + timeout + ":\n" + tail(output()));
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ctrl-C, as a user stops it: the JVM's shutdown closes the services, the simulator and the broker. */
  @Override
  public void close() {
    process.toHandle().descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String tail(String output) {
    return output.length() <= 6_000 ? output : output.substring(output.length() - 6_000);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
