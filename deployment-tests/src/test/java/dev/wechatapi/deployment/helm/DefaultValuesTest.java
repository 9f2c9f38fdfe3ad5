package dev.wechatapi.deployment.helm;

import static dev.wechatapi.deployment.helm.ChartInvariants.deploymentName;
import static dev.wechatapi.deployment.helm.ChartInvariants.environment;
import static dev.wechatapi.deployment.helm.ChartInvariants.secretKeyRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helm template} with the chart's defaults plus only what it requires ({@code ci/default-values.yaml}): the
 * external endpoints, the database passwords and the credentials key.
 */
class DefaultValuesTest {

    static final String CREDENTIALS_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static Rendered rendered;

    @BeforeAll
    static void render() {
        rendered = HelmChart.template(HelmChart.ci("default-values.yaml"));
    }

    @Test
    void everyInvariantHolds() {
        ChartInvariants.check(rendered, Set.of("gateway-db-password", "archive-db-password", CREDENTIALS_KEY),
                "wechat-api-media");
    }

    @Test
    void rendersTheExpectedObjects() {
        assertThat(rendered.objects().stream().map(K8sObject::id)).containsExactlyInAnyOrder(
                "Deployment/wechat-api-gateway", "Deployment/wechat-api-session", "Deployment/wechat-api-archive",
                "Service/wechat-api-gateway", "Service/wechat-api-session", "Service/wechat-api-archive",
                "PodDisruptionBudget/wechat-api-gateway", "PodDisruptionBudget/wechat-api-session",
                "PodDisruptionBudget/wechat-api-archive",
                "ConfigMap/wechat-api-gateway", "ConfigMap/wechat-api-session", "ConfigMap/wechat-api-archive",
                "Secret/wechat-api", "PersistentVolumeClaim/wechat-api-media", "ServiceAccount/wechat-api");
        assertThat(rendered.ofKind("HorizontalPodAutoscaler")).as("no HPA unless asked").isEmpty();
        assertThat(rendered.ofKind("Ingress")).as("no Ingress unless asked").isEmpty();
    }

    @Test
    void replicasAndImagesDefaultToTheChart() {
        for (String component : ChartInvariants.COMPONENTS) {
            K8sObject deployment = rendered.get("Deployment", deploymentName(component));
            assertThat(deployment.at("spec.replicas")).as(component).isEqualTo(2);
            assertThat(ChartInvariants.container(deployment).get("image"))
                    .isEqualTo("wechat-api/" + component + "-service:0.1.0-SNAPSHOT");
        }
    }

    @Test
    void gatewayHasItsDatabaseRedisAndTheOtherServices() {
        Map<String, Object> env = environment(rendered, rendered.get("Deployment", deploymentName("gateway")));
        assertThat(env).contains(
                entry("SPRING_R2DBC_URL", "r2dbc:mysql://mariadb.databases.svc:3306/wechat_gateway"),
                entry("SPRING_R2DBC_USERNAME", "wechat_gateway"),
                entry("SPRING_FLYWAY_URL", "jdbc:mariadb://mariadb.databases.svc:3306/wechat_gateway"),
                entry("SPRING_FLYWAY_USER", "wechat_gateway"),
                entry("SPRING_DATA_REDIS_HOST", "redis-master.caches.svc"),
                entry("SPRING_DATA_REDIS_PORT", "6379"),
                entry("WECHAT_GATEWAY_SESSION_URI", "http://wechat-api-session:8081"),
                entry("WECHAT_GATEWAY_ARCHIVE_URI", "http://wechat-api-archive:8082"),
                entry("WECHAT_MEDIA_ROOT", "/data/media"));
        assertThat(secretKeyRef(env.get("SPRING_R2DBC_PASSWORD")))
                .containsEntry("name", "wechat-api").containsEntry("key", "gateway-database-password");
        assertThat(secretKeyRef(env.get("SPRING_FLYWAY_PASSWORD")))
                .containsEntry("name", "wechat-api").containsEntry("key", "gateway-database-password");
        assertThat(secretKeyRef(env.get("WECHAT_GATEWAY_LINK_SECRET"))).containsEntry("key", "link-secret");
        assertThat(secretKeyRef(env.get("WECHAT_MEDIA_LINK_SECRETS"))).containsEntry("key", "media-link-secrets");
        assertThat(env).as("no password: no Redis password, no admin token: admin API off")
                .doesNotContainKeys("SPRING_DATA_REDIS_PASSWORD", "WECHAT_GATEWAY_ADMIN_TOKEN",
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", "SERVER_FORWARD_HEADERS_STRATEGY");
    }

    @Test
    void sessionHasKafkaAndItsCredentialsKeyFromTheSecret() {
        Map<String, Object> env = environment(rendered, rendered.get("Deployment", deploymentName("session")));
        assertThat(env).contains(
                entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka.messaging.svc:9092"),
                entry("WECHAT_SESSION_TOPIC_PARTITIONS", "6"),
                entry("WECHAT_SESSION_OWNERSHIP_GROUP_ID", "wechat-session-owners"),
                entry("WECHAT_MEDIA_ROOT", "/data/media"));
        Map<String, Object> key = secretKeyRef(env.get("WECHAT_SESSION_CREDENTIALS_KEY"));
        assertThat(key).containsEntry("name", "wechat-api").containsEntry("key", "credentials-key")
                .doesNotContainKey("optional");
        assertThat(env).as("the session service needs no database, Redis or link secret").doesNotContainKeys(
                "SPRING_R2DBC_URL", "SPRING_R2DBC_PASSWORD", "SPRING_DATA_REDIS_HOST", "WECHAT_MEDIA_LINK_SECRETS");
        assertThat(secretData("credentials-key")).isEqualTo(CREDENTIALS_KEY);
        assertThat(Base64.getDecoder().decode(secretData("credentials-key"))).as("an AES-256 key").hasSize(32);
    }

    @Test
    void archiveHasItsDatabaseAndKafka() {
        Map<String, Object> env = environment(rendered, rendered.get("Deployment", deploymentName("archive")));
        assertThat(env).contains(
                entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka.messaging.svc:9092"),
                entry("SPRING_R2DBC_URL", "r2dbc:mysql://mariadb.databases.svc:3306/wechat_archive"),
                entry("SPRING_R2DBC_USERNAME", "wechat_archive"),
                entry("SPRING_FLYWAY_URL", "jdbc:mariadb://mariadb.databases.svc:3306/wechat_archive"),
                entry("SPRING_FLYWAY_USER", "wechat_archive"),
                entry("WECHAT_ARCHIVE_INGEST_PARTITIONS", "6"),
                entry("WECHAT_ARCHIVE_INGEST_REPLICAS", "1"),
                entry("WECHAT_ARCHIVE_WEBHOOKS_GATEWAY_URL", "http://wechat-api-gateway:8080"));
        assertThat(secretKeyRef(env.get("SPRING_R2DBC_PASSWORD"))).containsEntry("key", "archive-database-password");
        assertThat(secretKeyRef(env.get("SPRING_FLYWAY_PASSWORD"))).containsEntry("key", "archive-database-password");
        assertThat(secretKeyRef(env.get("WECHAT_MEDIA_LINK_SECRETS"))).containsEntry("key", "media-link-secrets");
    }

    @Test
    void secretHoldsThePasswordsAndDerivedLinkSecretsLongEnough() {
        assertThat(secretData("gateway-database-password")).isEqualTo("gateway-db-password");
        assertThat(secretData("archive-database-password")).isEqualTo("archive-db-password");
        assertThat(secretData("link-secret")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(secretData("media-link-secrets")).as("wechat.media.link-secrets needs 32 bytes or more")
                .hasSizeGreaterThanOrEqualTo(32)
                .isNotEqualTo(secretData("link-secret"))
                .doesNotContain(CREDENTIALS_KEY);
        assertThat(HelmChart.template(HelmChart.ci("default-values.yaml")).get("Secret", "wechat-api").map("data"))
                .as("derived, not random: the same on every render, so upgrades keep links working")
                .isEqualTo(rendered.get("Secret", "wechat-api").map("data"));
    }

    @Test
    void mediaClaimIsReadWriteManyAndKept() {
        K8sObject claim = rendered.get("PersistentVolumeClaim", "wechat-api-media");
        assertThat(claim.list("spec.accessModes")).containsExactly("ReadWriteMany");
        assertThat(claim.string("spec.resources.requests.storage")).isEqualTo("50Gi");
        assertThat(claim.map("metadata.annotations")).containsEntry("helm.sh/resource-policy", "keep");
    }

    @Test
    void sessionRollsOnePodAtATime() {
        K8sObject session = rendered.get("Deployment", deploymentName("session"));
        assertThat(session.map("spec.strategy.rollingUpdate")).containsEntry("maxSurge", 1)
                .containsEntry("maxUnavailable", 0);
    }

    /**
     * helm-java prints the release manifest without hooks, so the hook Job is rendered from a copy of the chart
     * whose Job template has its hook annotations commented out.
     */
    @Test
    void createAppJobRunsTheGatewayCommandOnceAfterInstall(@TempDir Path copy) throws IOException {
        Path jobTemplate = Path.of("templates", "gateway", "create-app-job.yaml");
        String template = Files.readString(HelmChart.DIR.resolve(jobTemplate));
        assertThat(template).contains("helm.sh/hook: post-install", "helm.sh/hook-delete-policy: before-hook-creation");
        Path chart = HelmChart.copy(copy.resolve("wechat-api"));
        Files.writeString(chart.resolve(jobTemplate), template.replace("helm.sh/hook", "# helm.sh/hook"));
        Rendered withJob = Rendered.parse(HelmChart.templateRaw(chart,
                Map.of("createApp.enabled", true, "createApp.name", "demo"), HelmChart.ci("default-values.yaml")));
        assertThat(rendered.find("Job", "wechat-api-create-app")).as("off by default").isEmpty();
        K8sObject job = withJob.get("Job", "wechat-api-create-app");
        Map<String, Object> container = job.maps("spec.template.spec.containers").getFirst();
        assertThat(container.get("image")).isEqualTo("wechat-api/gateway-service:0.1.0-SNAPSHOT");
        assertThat((List<Object>) container.get("args")).containsExactly("createwechatapp", "--name", "demo");
        Map<String, Object> env = environment(withJob, job, "spec.template.spec.containers");
        assertThat(env).containsEntry("SPRING_FLYWAY_URL", "jdbc:mariadb://mariadb.databases.svc:3306/wechat_gateway")
                .containsEntry("SPRING_FLYWAY_USER", "wechat_gateway");
        assertThat(secretKeyRef(env.get("SPRING_FLYWAY_PASSWORD"))).containsEntry("key", "gateway-database-password");
    }

    private static String secretData(String key) {
        Object value = rendered.get("Secret", "wechat-api").map("data").get(key);
        assertThat(value).as("Secret key %s", key).isNotNull();
        return new String(Base64.getDecoder().decode(value.toString()), StandardCharsets.UTF_8);
    }
}
