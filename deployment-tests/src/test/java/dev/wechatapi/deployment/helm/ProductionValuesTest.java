package dev.wechatapi.deployment.helm;

import static dev.wechatapi.deployment.helm.ChartInvariants.deploymentName;
import static dev.wechatapi.deployment.helm.ChartInvariants.environment;
import static dev.wechatapi.deployment.helm.ChartInvariants.secretKeyRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code helm template} with {@code ci/production-values.yaml}: the cluster the scale-out design is meant for.
 * Three brokers and 12 partitions, four session replicas (a fixed count), gateway and archive autoscaled (the archive
 * at most to the partition count), secrets and the RWX media claim managed outside the chart, an ingress with TLS.
 */
class ProductionValuesTest {

    static Rendered rendered;

    @BeforeAll
    static void render() {
        rendered = HelmChart.template(HelmChart.ci("production-values.yaml"));
    }

    @Test
    void everyInvariantHolds() {
        ChartInvariants.check(rendered, Set.of(), "wechat-media-nfs");
    }

    @Test
    void noSecretOrClaimIsRenderedWhenTheyExist() {
        assertThat(rendered.ofKind("Secret")).isEmpty();
        assertThat(rendered.ofKind("PersistentVolumeClaim")).isEmpty();
        for (String component : ChartInvariants.COMPONENTS) {
            K8sObject deployment = rendered.get("Deployment", deploymentName(component));
            assertThat(deployment.maps("spec.template.spec.volumes"))
                    .anySatisfy(v -> assertThat(K8sObject.at(v, "persistentVolumeClaim.claimName"))
                            .isEqualTo("wechat-media-nfs"));
        }
    }

    @Test
    void secretsComeFromTheExistingSecrets() {
        Map<String, Object> gateway = environment(rendered, rendered.get("Deployment", deploymentName("gateway")));
        assertThat(secretKeyRef(gateway.get("SPRING_R2DBC_PASSWORD")))
                .containsEntry("name", "wechat-api-database").containsEntry("key", "gateway-database-password");
        assertThat(secretKeyRef(gateway.get("SPRING_DATA_REDIS_PASSWORD")))
                .containsEntry("name", "wechat-api-redis").containsEntry("key", "password");
        assertThat(secretKeyRef(gateway.get("WECHAT_GATEWAY_LINK_SECRET")))
                .containsEntry("name", "wechat-api-secrets").containsEntry("key", "link-secret")
                .doesNotContainKey("optional");
        assertThat(secretKeyRef(gateway.get("WECHAT_GATEWAY_ADMIN_TOKEN")))
                .containsEntry("name", "wechat-api-secrets").containsEntry("key", "admin-token")
                .containsEntry("optional", true);
        assertThat(secretKeyRef(gateway.get("WECHAT_MEDIA_LINK_SECRETS")))
                .containsEntry("name", "wechat-api-secrets").containsEntry("optional", true);

        Map<String, Object> session = environment(rendered, rendered.get("Deployment", deploymentName("session")));
        assertThat(secretKeyRef(session.get("WECHAT_SESSION_CREDENTIALS_KEY")))
                .containsEntry("name", "wechat-api-secrets").containsEntry("key", "credentials-key")
                .doesNotContainKey("optional");

        Map<String, Object> archive = environment(rendered, rendered.get("Deployment", deploymentName("archive")));
        assertThat(secretKeyRef(archive.get("SPRING_FLYWAY_PASSWORD")))
                .containsEntry("name", "wechat-api-database").containsEntry("key", "archive-database-password");
    }

    @Test
    void gatewayAndArchiveAreAutoscaledTheSessionServiceIsNot() {
        List<K8sObject> autoscalers = rendered.ofKind("HorizontalPodAutoscaler");
        assertThat(autoscalers.stream().map(h -> h.string("spec.scaleTargetRef.name")))
                .containsExactlyInAnyOrder("wechat-api-gateway", "wechat-api-archive");
        K8sObject gateway = rendered.get("HorizontalPodAutoscaler", "wechat-api-gateway");
        assertThat(gateway.at("spec.minReplicas")).isEqualTo(3);
        assertThat(gateway.at("spec.maxReplicas")).isEqualTo(20);
        assertThat(gateway.maps("spec.metrics")).extracting(m -> K8sObject.at(m, "resource.name"),
                m -> K8sObject.at(m, "resource.target.averageUtilization"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cpu", 60),
                        org.assertj.core.groups.Tuple.tuple("memory", 80));
        K8sObject archive = rendered.get("HorizontalPodAutoscaler", "wechat-api-archive");
        assertThat(archive.at("spec.minReplicas")).isEqualTo(3);
        assertThat(archive.at("spec.maxReplicas")).as("at most the partitions of the event topics").isEqualTo(12);
        assertThat(archive.at("spec.behavior.scaleDown.stabilizationWindowSeconds")).isEqualTo(300);

        assertThat(rendered.get("Deployment", deploymentName("session")).at("spec.replicas")).isEqualTo(4);
        assertThat(rendered.get("Deployment", deploymentName("gateway")).at("spec.replicas")).isNull();
        assertThat(rendered.get("Deployment", deploymentName("archive")).at("spec.replicas")).isNull();
    }

    @Test
    void partitionsAndKafkaSettingsReachBothKafkaServices() {
        Map<String, Object> session = environment(rendered, rendered.get("Deployment", deploymentName("session")));
        Map<String, Object> archive = environment(rendered, rendered.get("Deployment", deploymentName("archive")));
        Map<String, Object> gateway = environment(rendered, rendered.get("Deployment", deploymentName("gateway")));
        String brokers = "kafka-0.kafka-headless.messaging:9092,kafka-1.kafka-headless.messaging:9092,"
                + "kafka-2.kafka-headless.messaging:9092";
        assertThat(session).contains(entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", brokers),
                entry("WECHAT_SESSION_TOPIC_PARTITIONS", "12"), entry("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL"),
                entry("WECHAT_SESSION_SEND_RATE", "1"));
        assertThat(archive).contains(entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", brokers),
                entry("WECHAT_ARCHIVE_INGEST_PARTITIONS", "12"), entry("WECHAT_ARCHIVE_INGEST_REPLICAS", "3"),
                entry("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL"), entry("WECHAT_ARCHIVE_READ_CACHE_SIZE", "128MB"),
                entry("SPRING_R2DBC_URL", "r2dbc:mysql://mysql.databases.svc:3306/wechat_archive?sslMode=trust"),
                entry("SPRING_FLYWAY_USER", "archive"));
        assertThat(gateway).doesNotContainKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_SECURITY_PROTOCOL");
        assertThat(gateway).contains(entry("SPRING_DATA_REDIS_PORT", "6380"), entry("SPRING_DATA_REDIS_SSL_ENABLED", "true"),
                entry("WECHAT_GATEWAY_TOKEN_LIFETIME", "7200s"),
                entry("WECHAT_GATEWAY_RATE_LIMITS_SESSION_REPLENISH_RATE", "100"),
                entry("SPRING_FLYWAY_URL", "jdbc:mariadb://mysql.databases.svc:3306/wechat_gateway?sslMode=trust"));
    }

    @Test
    void gatewayIsBehindTheIngress() {
        K8sObject ingress = rendered.get("Ingress", "wechat-api-gateway");
        assertThat(ingress.string("spec.ingressClassName")).isEqualTo("nginx");
        Map<String, Object> rule = ingress.maps("spec.rules").getFirst();
        assertThat(rule.get("host")).isEqualTo("wechat-api.example.com");
        Object backend = K8sObject.at(((List<?>) K8sObject.at(rule, "http.paths")).getFirst(), "backend.service");
        K8sObject service = rendered.get("Service", "wechat-api-gateway");
        assertThat(K8sObject.at(backend, "name")).isEqualTo(service.name());
        assertThat(K8sObject.at(backend, "port.number"))
                .isEqualTo(K8sObject.at(service.list("spec.ports").getFirst(), "port"));
        assertThat(ingress.maps("spec.tls").getFirst()).containsEntry("secretName", "wechat-api-tls");
        assertThat(ingress.map("metadata.annotations"))
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "21m");

        Map<String, Object> gateway = environment(rendered, rendered.get("Deployment", deploymentName("gateway")));
        assertThat(gateway).as("the gateway trusts the ingress controller's X-Forwarded-* headers")
                .containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "framework");
        Map<String, Object> archive = environment(rendered, rendered.get("Deployment", deploymentName("archive")));
        assertThat(archive).as("webhook media URLs point at the public gateway")
                .containsEntry("WECHAT_ARCHIVE_WEBHOOKS_GATEWAY_URL", "https://wechat-api.example.com");
    }

    @Test
    void imagesComeFromTheRegistryWithPullSecrets() {
        for (String component : ChartInvariants.COMPONENTS) {
            K8sObject deployment = rendered.get("Deployment", deploymentName(component));
            assertThat(ChartInvariants.container(deployment).get("image"))
                    .isEqualTo("registry.example.com/wechat-api/" + component + "-service:0.1.0");
            assertThat(deployment.maps("spec.template.spec.imagePullSecrets"))
                    .containsExactly(Map.of("name", "registry-credentials"));
        }
    }

    @Test
    void podsSpreadStrictlyAndBudgetsFollowTheValues() {
        for (String component : ChartInvariants.COMPONENTS) {
            K8sObject deployment = rendered.get("Deployment", deploymentName(component));
            assertThat(deployment.maps("spec.template.spec.topologySpreadConstraints"))
                    .extracting(c -> c.get("topologyKey"), c -> c.get("whenUnsatisfiable"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("topology.kubernetes.io/zone", "DoNotSchedule"),
                            org.assertj.core.groups.Tuple.tuple("kubernetes.io/hostname", "DoNotSchedule"));
        }
        assertThat(rendered.get("PodDisruptionBudget", "wechat-api-gateway").map("spec"))
                .containsEntry("minAvailable", 2).doesNotContainKey("maxUnavailable");
        assertThat(rendered.get("PodDisruptionBudget", "wechat-api-session").map("spec"))
                .containsEntry("maxUnavailable", 1);
    }
}
