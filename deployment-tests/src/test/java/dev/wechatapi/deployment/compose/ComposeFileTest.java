package dev.wechatapi.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.wechatapi.deployment.compose.NormalizedCompose.Mount;
import dev.wechatapi.deployment.configuration.ConfigurationReference;
import dev.wechatapi.deployment.configuration.ConfigurationReference.Row;
import dev.wechatapi.deployment.configuration.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml, validated and normalized by a compose tool ({@code config}, no Docker engine needed) with a test
 * .env, and its promises checked on the normalized model: the services and images, health checks, start order, the
 * simulator only in its profile, the published ports, the volumes, secrets only from the environment (a missing one
 * stops compose with its message), and every variable handed to a service is a documented property of it
 * (docs/configuration.md, itself checked against the code by {@code ConfigurationReferenceTest}).
 */
class ComposeFileTest {

    private static final Path ROOT = Repository.root();
    private static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");

    /** The variables compose refuses to start without, each a secret. */
    private static final List<String> REQUIRED = List.of("MARIADB_ROOT_PASSWORD", "WECHAT_DB_PASSWORD",
            "REDIS_PASSWORD", "WECHAT_SESSION_CREDENTIALS_KEY", "WECHAT_GATEWAY_LINK_SECRET",
            "WECHAT_MEDIA_LINK_SECRETS");
    /** Secrets: required, or optional with an empty default (the admin token: no admin API). */
    private static final List<String> SECRETS = concat(REQUIRED, List.of("WECHAT_GATEWAY_ADMIN_TOKEN"));

    private static final Map<String, String> TEST_ENV = testEnv();
    private static final Map<String, String> OUR_SERVICES = Map.of("gateway", "gateway-service", "session",
            "session-service", "archive", "archive-service", "simulator", "wechat-simulator");

    private static ComposeTool tool;
    private static Set<String> variablesOfTheFile;

    @TempDir
    static Path temp;

    @BeforeAll
    static void findTool() throws IOException {
        tool = ComposeTool.find();
        if (tool == null) {
            if (Boolean.getBoolean("wechat.deployment.skip-compose")) {
                Assumptions.abort("no compose tool; skipped by -Dwechat.deployment.skip-compose=true");
            }
            fail(ComposeTool.MISSING);
        }
        variablesOfTheFile = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(withoutComments());
        while (variable.find()) {
            variablesOfTheFile.add(variable.group(1));
        }
    }

    @Test
    void isValidWithAndWithoutTheSimulatorProfile() throws IOException {
        assertThat(config(TEST_ENV).services())
                .containsAll(List.of("kafka", "mariadb", "redis", "media-init", "session", "archive", "gateway"));
        assertThat(config(TEST_ENV, "--profile", "simulator").services()).contains("simulator");
    }

    @Test
    void servicesRunTheProjectsImagesAtTheChosenVersion() throws IOException {
        NormalizedCompose compose = config(TEST_ENV, "--profile", "simulator");
        OUR_SERVICES.forEach((service, module) -> assertThat(compose.image(service))
                .isEqualTo("wechat-api/" + module + ":" + TEST_ENV.get("WECHAT_API_VERSION")));
        Map<String, String> withoutVersion = new LinkedHashMap<>(TEST_ENV);
        withoutVersion.remove("WECHAT_API_VERSION");
        assertThat(config(withoutVersion).image("gateway")).isEqualTo("wechat-api/gateway-service:0.1.0-SNAPSHOT");
        assertThat(compose.image("kafka")).startsWith("apache/kafka:");
        assertThat(compose.image("mariadb")).startsWith("mariadb:");
        assertThat(compose.image("redis")).startsWith("redis:7");
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() throws IOException {
        NormalizedCompose compose = config(TEST_ENV, "--profile", "simulator");
        Map<String, String> urls = Map.of(
                "gateway", "http://127.0.0.1:8080/actuator/health/readiness",
                "session", "http://127.0.0.1:8081/actuator/health/readiness",
                "archive", "http://127.0.0.1:8082/actuator/health/readiness",
                "simulator", "http://127.0.0.1:8090/control/health");
        urls.forEach((service, url) -> assertThat(compose.healthcheckTest(service)).as(service)
                .containsExactly("CMD", "java", "-cp", "/opt/healthcheck", "HealthCheck", url));
        for (String service : List.of("kafka", "mariadb", "redis")) {
            assertThat(compose.healthcheckTest(service)).as(service).isNotEmpty()
                    .first().isIn("CMD", "CMD-SHELL");
        }
        assertThat(compose.service("media-init")).as("a one-shot job").doesNotContainKey("restart");
    }

    @Test
    void servicesStartOnceWhatTheyNeedIsHealthy() throws IOException {
        NormalizedCompose compose = config(TEST_ENV);
        assertThat(compose.dependsOn("gateway")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "session", "service_healthy", "archive", "service_healthy", "mariadb", "service_healthy",
                "redis", "service_healthy"));
        assertThat(compose.dependsOn("session")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kafka", "service_healthy", "media-init", "service_completed_successfully"));
        assertThat(compose.dependsOn("archive")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kafka", "service_healthy", "mariadb", "service_healthy"));
        for (String service : List.of("kafka", "mariadb", "redis", "media-init")) {
            assertThat(compose.dependsOn(service)).as(service).isEmpty();
        }
    }

    @Test
    void theSimulatorRunsOnlyInItsProfile() throws IOException {
        NormalizedCompose without = config(TEST_ENV);
        // Compose v2 leaves an inactive profile's services out; docker-compose 1.29 lists them with their profiles.
        if (without.services().contains("simulator")) {
            assertThat(without.profiles("simulator")).containsExactly("simulator");
        }
        NormalizedCompose with = config(TEST_ENV, "--profile", "simulator");
        assertThat(with.profiles("simulator")).containsExactly("simulator");
        for (String service : with.services()) {
            if (!service.equals("simulator")) {
                assertThat(with.profiles(service)).as(service).isEmpty();
            }
        }
        assertThat(with.command("simulator")).containsSubsequence("--public-url", "http://simulator:8090");
        assertThat(with.command("simulator")).containsSubsequence("--host", "0.0.0.0");
        // The trial: the session service talks to the simulator only when .env says so; by default, to WeChat.
        assertThat(with.environment("session").get("WECHAT_SESSION_WECHAT_BASE_URL")).isNullOrEmpty();
        Map<String, String> trial = new LinkedHashMap<>(TEST_ENV);
        trial.put("WECHAT_SESSION_WECHAT_BASE_URL", "http://simulator:8090");
        assertThat(config(trial, "--profile", "simulator").environment("session"))
                .containsEntry("WECHAT_SESSION_WECHAT_BASE_URL", "http://simulator:8090");
    }

    @Test
    void onlyTheGatewayAndTheSimulatorPublishPorts() throws IOException {
        NormalizedCompose compose = config(TEST_ENV, "--profile", "simulator");
        for (String service : compose.services()) {
            List<Integer> published = compose.publishedTargets(service);
            switch (service) {
                case "gateway" -> assertThat(published).containsExactly(8080);
                case "simulator" -> assertThat(published).containsExactly(8090);
                default -> assertThat(published).as(service + " must not be reachable from the host").isEmpty();
            }
        }
    }

    @Test
    void dataLivesInNamedVolumes() throws IOException {
        NormalizedCompose compose = config(TEST_ENV);
        assertThat(compose.namedVolumes()).containsExactlyInAnyOrder("kafka-data", "mariadb-data", "redis-data",
                "media");
        assertThat(compose.mounts("kafka")).contains(new Mount("kafka-data", "/var/lib/kafka/data", false));
        assertThat(compose.mounts("mariadb")).contains(new Mount("mariadb-data", "/var/lib/mysql", false));
        assertThat(compose.mounts("redis")).contains(new Mount("redis-data", "/data", false));
        // session-service writes the media store, the gateway serves it; the archive only renders links to it.
        assertThat(compose.mounts("session")).containsExactly(new Mount("media", "/data/media", false));
        assertThat(compose.mounts("gateway")).containsExactly(new Mount("media", "/data/media", true));
        assertThat(compose.mounts("archive")).isEmpty();
        assertThat(compose.mounts("media-init")).containsExactly(new Mount("media", "/data/media", false));
        assertThat(compose.environment("session")).containsEntry("WECHAT_MEDIA_ROOT", "/data/media");
        assertThat(compose.environment("gateway")).containsEntry("WECHAT_MEDIA_ROOT", "/data/media");
        // The database init script the mariadb service mounts is in the repository.
        Mount init = compose.mounts("mariadb").stream()
                .filter(mount -> mount.target().equals("/docker-entrypoint-initdb.d")).findFirst().orElseThrow();
        assertThat(init.readOnly()).isTrue();
        assertThat(Path.of(init.source()).resolve("01-wechat-archive.sql")).isRegularFile();
    }

    @Test
    void secretsHaveNoValueInTheFile() throws IOException {
        String file = withoutComments();
        Matcher reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?:(:?[-?+])([^}]*))?}").matcher(file);
        List<String> problems = new ArrayList<>();
        while (reference.find()) {
            String name = reference.group(1);
            String operator = reference.group(2);
            String value = reference.group(3);
            if (!SECRETS.contains(name)) {
                continue;
            }
            boolean required = ":?".equals(operator);
            boolean emptyDefault = (":-".equals(operator) || "-".equals(operator)) && value.isEmpty();
            if (REQUIRED.contains(name) ? !required : !(required || emptyDefault)) {
                problems.add(reference.group());
            }
        }
        assertThat(problems).as("secrets must be ${NAME:?message} (or empty by default when optional)").isEmpty();
        assertThat(file).as("a literal secret-looking value").doesNotContainPattern(
                "(?im)^\\s*[A-Z_]*(PASSWORD|SECRETS?|_KEY|TOKEN)\\s*:\\s*(?!\\$\\{)\\S+");
        // And in the normalized model every such setting carries what .env gave.
        NormalizedCompose compose = config(TEST_ENV, "--profile", "simulator");
        Set<String> secretValues = SECRETS.stream().map(TEST_ENV::get).collect(Collectors.toSet());
        for (String service : compose.services()) {
            compose.environment(service).forEach((key, value) -> {
                if (key.matches(".*(PASSWORD|SECRET|SECRETS|_KEY|TOKEN|_AUTH)$") && value != null && !value.isEmpty()) {
                    assertThat(secretValues).as(service + " " + key).contains(value);
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MARIADB_ROOT_PASSWORD", "WECHAT_DB_PASSWORD", "REDIS_PASSWORD",
            "WECHAT_SESSION_CREDENTIALS_KEY", "WECHAT_GATEWAY_LINK_SECRET", "WECHAT_MEDIA_LINK_SECRETS"})
    void aMissingSecretStopsComposeWithItsMessage(String secret) throws IOException {
        for (Map<String, String> env : List.of(without(secret), with(secret, ""))) {
            ComposeTool.Result result = tool.run(COMPOSE_FILE, envFile(env), variablesOfTheFile, "config");
            assertThat(result.exit()).as("config without " + secret).isNotZero();
            assertThat(result.both()).contains("set " + secret + " in .env");
        }
    }

    @Test
    void theExampleEnvFileListsEveryRequiredVariable() throws IOException {
        String example = Files.readString(ROOT.resolve(".env.example"));
        for (String name : REQUIRED) {
            assertThat(example).containsPattern("(?m)^" + name + "=$");
        }
        // As it stands (nothing filled in) compose refuses it.
        ComposeTool.Result result =
                tool.run(COMPOSE_FILE, ROOT.resolve(".env.example"), variablesOfTheFile, "config");
        assertThat(result.exit()).isNotZero();
    }

    @Test
    void everyVariableGivenToAServiceIsADocumentedPropertyOfIt() throws IOException {
        ConfigurationReference reference = ConfigurationReference.read(ROOT.resolve("docs/configuration.md"));
        NormalizedCompose compose = config(TEST_ENV);
        List<String> unknown = new ArrayList<>();
        for (String service : List.of("gateway", "session", "archive")) {
            Set<String> documented = reference.section(OUR_SERVICES.get(service)).values().stream()
                    .map(Row::environmentVariable).collect(Collectors.toSet());
            assertThat(documented).as(OUR_SERVICES.get(service) + " in docs/configuration.md").isNotEmpty();
            for (String variable : compose.environment(service).keySet()) {
                if (!documented.contains(variable)) {
                    unknown.add(service + ": " + variable);
                }
            }
        }
        assertThat(unknown).as("variables that no documented property of the service reads").isEmpty();
        String docs = Files.readString(ROOT.resolve("docs/configuration.md"));
        for (String variable : variablesOfTheFile) {
            assertThat(docs).as("the compose variable " + variable + " in docs/configuration.md")
                    .contains("`" + variable + "`");
        }
    }

    private static NormalizedCompose config(Map<String, String> env, String... globalOptions) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(globalOptions));
        arguments.add("config");
        ComposeTool.Result result =
                tool.run(COMPOSE_FILE, envFile(env), variablesOfTheFile, arguments.toArray(String[]::new));
        assertThat(result.exit()).as(tool + " " + String.join(" ", arguments) + ":\n" + result.err()).isZero();
        return new NormalizedCompose(result.out());
    }

    /** The compose file without its comment lines. */
    private static String withoutComments() throws IOException {
        return Files.readAllLines(COMPOSE_FILE).stream().filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
    }

    private static Path envFile(Map<String, String> env) throws IOException {
        Path file = Files.createTempFile(temp, "compose", ".env");
        StringBuilder text = new StringBuilder();
        env.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(file, text);
        return file;
    }

    private static Map<String, String> testEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MARIADB_ROOT_PASSWORD", "test-root-password");
        env.put("WECHAT_DB_PASSWORD", "test-db-password");
        env.put("REDIS_PASSWORD", "test-redis-password");
        env.put("WECHAT_SESSION_CREDENTIALS_KEY", "dGVzdC1jcmVkZW50aWFscy1rZXktMzItYnl0ZXMhISE=");
        env.put("WECHAT_GATEWAY_LINK_SECRET", "test-link-secret-test-link-secret-0123456789");
        env.put("WECHAT_MEDIA_LINK_SECRETS", "test-media-secret-test-media-secret-0123456789");
        env.put("WECHAT_GATEWAY_ADMIN_TOKEN", "test-admin-token");
        env.put("WECHAT_API_VERSION", "0.0.0-compose-test");
        return env;
    }

    private static Map<String, String> without(String name) {
        Map<String, String> env = new LinkedHashMap<>(TEST_ENV);
        env.remove(name);
        return env;
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(TEST_ENV);
        env.put(name, value);
        return env;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
