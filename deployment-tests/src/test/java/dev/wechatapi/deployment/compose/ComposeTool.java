package dev.wechatapi.deployment.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A compose tool to validate the file with: Debian's {@code docker-compose} (1.29, what CI installs through
 * {@code ./dev test}) or Docker Compose v2 ({@code docker compose}). {@code config} reads and normalizes the file
 * without a Docker engine.
 */
final class ComposeTool {

    /** How to get one, for the failure when none is installed. */
    static final String MISSING = "No compose tool to validate docker-compose.yml with: install Debian's docker-compose"
            + " (`apt-get install -y --no-install-recommends docker-compose`; `./dev test` does it when run as root"
            + " with apt) or Docker Compose v2 (`docker compose`), or skip these checks explicitly with"
            + " -Dwechat.deployment.skip-compose=true";

    record Result(int exit, String out, String err) {

        String both() {
            return out + err;
        }
    }

    private final List<String> command;

    private ComposeTool(List<String> command) {
        this.command = command;
    }

    /** The first tool that answers {@code version}, or null. */
    static ComposeTool find() {
        for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                Process process = new ProcessBuilder(version).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return new ComposeTool(candidate);
                }
                process.destroyForcibly();
            } catch (IOException notInstalled) {
                // next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }

    /**
     * Runs {@code <tool> -f <compose file> --env-file <env> <arguments>} in the file's directory, with none of
     * {@code unset} in the environment (so only the env file provides them).
     */
    Result run(Path composeFile, Path envFile, Collection<String> unset, String... arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-f", composeFile.toString(), "--env-file", envFile.toString()));
        full.addAll(List.of(arguments));
        try {
            Path out = Files.createTempFile("compose-out", ".txt");
            Path err = Files.createTempFile("compose-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(full).directory(composeFile.getParent().toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                unset.forEach(builder.environment()::remove);
                builder.environment().remove("COMPOSE_PROFILES");
                builder.environment().remove("COMPOSE_FILE");
                Process process = builder.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(this + " did not finish within 120 s: " + full);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
