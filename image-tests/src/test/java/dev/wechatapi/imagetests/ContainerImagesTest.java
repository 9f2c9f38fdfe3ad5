package dev.wechatapi.imagetests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * The image tarballs that {@code package} made in the four modules (docs/images.md): what a container runtime reads
 * from them (user, entrypoint, ports, environment, layers), their size, and the simulator's image run from its
 * layers: its Java runtime with its own libc, and, where this test may use chroot (root), its entrypoint as the
 * image's user, answering its health endpoint, and the health-check class.
 */
class ContainerImagesTest {
    static final Path IMAGES_DIR = Path.of(System.getProperty("images.dir", ".."));
    static final String PREFIX = System.getProperty("images.prefix", "wechat-api");
    static final String VERSION = System.getProperty("images.version", "0.1.0-SNAPSHOT");
    static final long MAX_COMPRESSED_BYTES = Long.parseLong(System.getProperty("images.max-compressed-mb", "110")) << 20;
    /** The layers of the base image (Debian packages, Java runtime, health check). */
    static final int BASE_LAYERS = 3;

    static Stream<Arguments> images() {
        return Stream.of(
                Arguments.of("gateway-service", 8080, "dev.wechatapi.gateway.GatewayApplication", true),
                Arguments.of("session-service", 8081, "dev.wechatapi.session.SessionApplication", true),
                Arguments.of("archive-service", 8082, "dev.wechatapi.archive.ArchiveApplication", true),
                Arguments.of("wechat-simulator", 8090, "dev.wechatapi.simulator.SimulatorMain", false));
    }

    static Path tarball(String module) {
        return IMAGES_DIR.resolve(module).resolve("target/jib-image.tar");
    }

    @BeforeAll
    static void tarballsExist() {
        images().forEach(arguments -> assertThat(tarball((String) arguments.get()[0]))
                .as("image tarball (built by `package` unless -Dimages.skip)").isRegularFile());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void imageRunsTheServiceAsNonRootWithItsPortAndHealthCheck(String module, int port, String mainClass,
            boolean mediaStore) throws IOException {
        ImageTarball image = new ImageTarball(tarball(module));

        assertThat(image.manifest.size()).isEqualTo(1);
        assertThat(image.manifest.get(0).get("RepoTags").get(0).asString())
                .isEqualTo(PREFIX + "/" + module + ":" + VERSION);
        assertThat(image.config.get("os").asString()).isEqualTo("linux");
        JsonNode config = image.config.get("config");

        // not root
        assertThat(config.get("User").asString()).isEqualTo("65532:65532");
        assertThat(new String(image.read("etc/passwd"), StandardCharsets.UTF_8))
                .contains("nonroot:x:65532:65532:");
        assertThat(new String(image.read("etc/group"), StandardCharsets.UTF_8)).contains("nonroot:x:65532:");
        assertThat(image.find("tmp").mode() & 01777).isEqualTo(01777);
        ImageTarball.Entry media = image.find("data/media");
        assertThat(media.uid()).isEqualTo(65532);
        assertThat(media.gid()).isEqualTo(65532);

        // the service, its port and its JVM flags
        List<String> entrypoint = strings(config.get("Entrypoint"));
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint.getLast()).isEqualTo(mainClass);
        assertThat(entrypoint.get(entrypoint.size() - 2)).isEqualTo("@/app/jib-classpath-file");
        assertThat(config.get("WorkingDir").asString()).isEqualTo("/app");
        assertThat(config.get("ExposedPorts").has(port + "/tcp")).isTrue();
        assertThat(config.get("ExposedPorts").size()).isEqualTo(1);
        List<String> env = strings(config.get("Env"));
        assertThat(env).contains("JAVA_HOME=/opt/java");
        assertThat(env).anyMatch(variable -> variable.startsWith("PATH=/opt/java/bin:"));
        if (mediaStore) {
            assertThat(env).contains("WECHAT_MEDIA_ROOT=/data/media");
            assertThat(config.get("Volumes").has("/data/media")).isTrue();
        } else {
            assertThat(strings(config.get("Cmd"))).containsExactly("--port", String.valueOf(port), "--host", "0.0.0.0");
        }
        assertThat(config.get("Labels").get("org.opencontainers.image.title").asString()).isEqualTo(module);
        assertThat(config.get("Labels").get("org.opencontainers.image.version").asString()).isEqualTo(VERSION);

        // the layers: the base's, then the application's, dependencies apart from the classes
        assertThat(strings(image.config.get("rootfs").get("diff_ids")))
                .containsExactlyElementsOf(image.layers.stream().map(ImageTarball.Layer::diffId).toList());
        ImageTarball.Entry java = image.find("opt/java/bin/java");
        assertThat(java).as("the Java runtime").isNotNull();
        assertThat(java.mode() & 0111).isEqualTo(0111);
        assertThat(image.layerOf("opt/java/bin/java")).isLessThan(BASE_LAYERS);
        assertThat(image.find("opt/java/lib/server/libjvm.so")).isNotNull();
        assertThat(image.find("lib/x86_64-linux-gnu/libc.so.6")).isNotNull();
        assertThat(image.find("opt/healthcheck/HealthCheck.class")).as("the health check").isNotNull();
        assertThat(image.layerOf("opt/healthcheck/HealthCheck.class")).isLessThan(BASE_LAYERS);
        String mainClassFile = "app/classes/" + mainClass.replace('.', '/') + ".class";
        assertThat(image.find(mainClassFile)).as(mainClassFile).isNotNull();
        int classes = image.layerOf(mainClassFile);
        int dependencies = layerWithPrefix(image, "app/libs/");
        assertThat(classes).isGreaterThanOrEqualTo(BASE_LAYERS);
        assertThat(dependencies).isGreaterThanOrEqualTo(BASE_LAYERS).isNotEqualTo(classes);
        assertThat(image.find("app/jib-classpath-file")).isNotNull();
        // nothing of the build machine: every file owned by root or by the image's user
        for (ImageTarball.Layer layer : image.layers) {
            assertThat(layer.entries().values()).allMatch(entry -> entry.uid() == 0 || entry.uid() == 65532,
                    "owned by root or nonroot");
        }

        long size = image.compressedSize();
        System.out.printf("%s: %d layers, %.1f MiB compressed (limit %d MiB)%n", module, image.layers.size(),
                size / 1048576.0, MAX_COMPRESSED_BYTES >> 20);
        assertThat(size).as("compressed size of " + module).isLessThan(MAX_COMPRESSED_BYTES);
    }

    @Test
    void theFourImagesShareTheBaseLayers() throws IOException {
        List<List<String>> bases = new ArrayList<>();
        for (String module : List.of("gateway-service", "session-service", "archive-service", "wechat-simulator")) {
            ImageTarball image = new ImageTarball(tarball(module));
            bases.add(image.layers.subList(0, BASE_LAYERS).stream().map(ImageTarball.Layer::diffId).toList());
        }
        assertThat(bases).allMatch(base -> base.equals(bases.getFirst()));
    }

    /** The simulator's Java runtime runs with the image's own libc (its loader), no root needed. */
    @Test
    void theImagesJavaRuntimeRunsOnTheImagesLibc(@TempDir Path dir) throws Exception {
        Path root = extract(new ImageTarball(tarball("wechat-simulator")), dir.resolve("rootfs"));
        Path loader = root.resolve("lib64/ld-linux-x86-64.so.2");
        assumeTrue(Files.exists(loader, java.nio.file.LinkOption.NOFOLLOW_LINKS), "an x86-64 image");
        Path realLoader = root.resolve("lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");
        Result result = run(List.of(realLoader.toString(), "--library-path",
                root.resolve("lib/x86_64-linux-gnu").toString(), root.resolve("opt/java/bin/java").toString(),
                "-cp", root.resolve("opt/healthcheck").toString(), "-version"), Map.of(), 60);
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("version \"25");
    }

    /**
     * The simulator's image started as a container runtime would (its entrypoint and arguments, its environment, its
     * user, its root file system), answering /control/health, and the health-check class reporting it. Needs root
     * (chroot) and util-linux's unshare (a /proc of its own); skipped otherwise.
     */
    @Test
    void theSimulatorsImageRunsInAChrootAndItsHealthCheckAnswers(@TempDir Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "root, for chroot");
        assumeTrue(run(List.of("unshare", "--version"), Map.of(), 10).exit() == 0, "unshare");
        ImageTarball image = new ImageTarball(tarball("wechat-simulator"));
        Path root = extract(image, dir.resolve("rootfs"));
        Files.createDirectories(root.resolve("proc"));
        JsonNode config = image.config.get("config");
        Map<String, String> env = new java.util.HashMap<>();
        for (String variable : strings(config.get("Env"))) {
            env.put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(inContainer(root, config.get("User").asString()));
        command.addAll(strings(config.get("Entrypoint")));
        command.addAll(List.of("--port", String.valueOf(port), "--host", "127.0.0.1"));
        Path log = dir.resolve("simulator.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process simulator = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI health = URI.create("http://127.0.0.1:" + port + "/control/health");
            HttpResponse<String> answer = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answer == null && System.nanoTime() < deadline && simulator.isAlive()) {
                try {
                    answer = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(answer).as(Files.readString(log)).isNotNull();
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("UP");

            List<String> healthCheck = new ArrayList<>(inContainer(root, config.get("User").asString()));
            healthCheck.addAll(List.of("java", "-XX:-UsePerfData", "-cp", "/opt/healthcheck", "HealthCheck"));
            Result healthy = run(append(healthCheck, health.toString()), env, 60);
            assertThat(healthy.exit()).as(healthy.output()).isZero();
            Result unhealthy = run(append(healthCheck, "http://127.0.0.1:" + port + "/no-such-path"), env, 60);
            assertThat(unhealthy.exit()).as(unhealthy.output()).isEqualTo(1);
            assertThat(unhealthy.output()).contains("answered 404");
        } finally {
            simulator.destroy();
            if (!simulator.waitFor(10, TimeUnit.SECONDS)) {
                simulator.destroyForcibly();
            }
        }
    }

    /** unshare (own mount and PID namespaces, /proc mounted in the root) + chroot as the image's user. */
    private static List<String> inContainer(Path root, String user) {
        return List.of("unshare", "--mount", "--pid", "--fork", "--mount-proc=" + root.resolve("proc"),
                "chroot", "--userspec=" + user, root.toString());
    }

    private static List<String> append(List<String> command, String argument) {
        List<String> result = new ArrayList<>(command);
        result.add(argument);
        return result;
    }

    /** The layers extracted in order (with tar, which keeps owners and modes when run as root). */
    private static Path extract(ImageTarball image, Path root) throws Exception {
        Files.createDirectories(root);
        for (ImageTarball.Layer layer : image.layers) {
            Path blob = root.getParent().resolve(layer.file());
            Files.write(blob, image.files.get(layer.file()));
            Result result = run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", blob.toString(), "-C",
                    root.toString()), Map.of(), 120);
            assertThat(result.exit()).as(result.output()).isZero();
            Files.delete(blob);
        }
        return root;
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!env.isEmpty()) {
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            return new Result(-1, notInstalled.toString());
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + new String(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static int layerWithPrefix(ImageTarball image, String prefix) {
        for (int i = 0; i < image.layers.size(); i++) {
            if (image.layers.get(i).entries().keySet().stream().anyMatch(path -> path.startsWith(prefix)
                    && path.endsWith(".jar"))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(node -> result.add(node.asString()));
        return result;
    }
}
