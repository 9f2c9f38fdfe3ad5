package dev.wechatapi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the built artifacts of this repository are: the executable jars and this module's runtime classpath. */
public final class ProjectLayout {

    private final Path root;

    private ProjectLayout(Path root) {
        this.root = root;
    }

    /** Finds the repository root by walking up from the working directory to the folder holding {@code dev}. */
    public static ProjectLayout locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("dev")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new ProjectLayout(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the wechat-api repository: " + Path.of("").toAbsolutePath());
    }

    public Path root() {
        return root;
    }

    /** The executable jar of a module ({@code <module>/target/<module>-<version>-exec.jar}); build it first. */
    public Path executableJar(String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().matches(module + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no executable jar in " + target + ": run ./dev build (or the Maven package phase) first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runtime classpath of test-support, which holds the Kafka broker, written by the build. */
    public String kafkaClasspath() {
        Path file = root.resolve("test-support/target/classpath.txt");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("missing " + file + ": build test-support first", e);
        }
    }
}
