package dev.wechatapi.deployment.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values the chart cannot do without, and values it refuses: the render fails and says what to set. */
class RequiredValuesTest {

    @Test
    void nothingGivenFailsNamingARequiredValue() {
        assertThatThrownBy(() -> HelmChart.templateRaw(Map.of()))
                .hasMessageMatching("(?s).*(kafka\\.bootstrapServers|externalDatabase\\.host|externalRedis\\.host"
                        + "|externalDatabase\\.(gateway|archive)\\.password|session\\.credentialsKey) is required.*");
    }

    static Stream<Arguments> missing() {
        return Stream.of(
                Arguments.of("kafka.bootstrapServers", "kafka.bootstrapServers is required: the Kafka bootstrap servers"),
                Arguments.of("externalDatabase.host", "externalDatabase.host is required: the MySQL 8 / MariaDB server"),
                Arguments.of("externalRedis.host", "externalRedis.host is required: the Redis of the gateway"),
                Arguments.of("externalDatabase.gateway.password", "externalDatabase.gateway.password is required"),
                Arguments.of("externalDatabase.archive.password", "externalDatabase.archive.password is required"),
                Arguments.of("session.credentialsKey", "session.credentialsKey is required: base64 of 32 random bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missing")
    void eachRequiredValueFailsAloneWithItsMessage(String value, String message) {
        assertThatThrownBy(() -> HelmChart.templateRaw(Map.of(value, ""), HelmChart.ci("default-values.yaml")))
                .hasMessageContaining(message);
    }

    @Test
    void existingSecretsReplaceThePasswordsAndTheKey() {
        String manifest = HelmChart.templateRaw(Map.of(
                "externalDatabase.gateway.password", "", "externalDatabase.archive.password", "",
                "session.credentialsKey", "",
                "externalDatabase.existingSecret", "db", "secrets.existingSecret", "app"),
                HelmChart.ci("default-values.yaml"));
        assertThat(Rendered.parse(manifest).ofKind("Secret")).isEmpty();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Map.of("session.replicaCount", 7),
                        "session.replicaCount (7) must not exceed kafka.topicPartitions (6)"),
                Arguments.of(Map.of("archive.replicaCount", 7),
                        "archive.replicaCount (7) must not exceed kafka.topicPartitions (6)"),
                Arguments.of(Map.of("archive.autoscaling.enabled", true, "archive.autoscaling.maxReplicas", 8),
                        "archive.autoscaling.maxReplicas (8) must not exceed kafka.topicPartitions (6)"),
                Arguments.of(Map.of("gateway.autoscaling.enabled", true, "gateway.autoscaling.minReplicas", 5,
                        "gateway.autoscaling.maxReplicas", 3),
                        "gateway.autoscaling.minReplicas (5) must not exceed gateway.autoscaling.maxReplicas (3)"),
                Arguments.of(Map.of("session.credentialsKey", "dG9vIHNob3J0"),
                        "session.credentialsKey must be the base64 of exactly 32 bytes"),
                // the schema
                Arguments.of(Map.of("gateway.image.pullPolicy", "Sometimes"),
                        "at '/gateway/image/pullPolicy': value must be one of"),
                Arguments.of(Map.of("kafka.topicPartitions", 0), "at '/kafka/topicPartitions': minimum"),
                Arguments.of(Map.of("media.linkSecrets[0]", "short"), "at '/media/linkSecrets/0': minLength"),
                Arguments.of(Map.of("sesion.replicaCount", 2), "additional properties 'sesion' not allowed"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusedValuesFailWithWhatToChange(Map<String, Object> values, String message) {
        assertThatThrownBy(() -> HelmChart.templateRaw(values, HelmChart.ci("default-values.yaml")))
                .hasMessageContaining(message);
    }

    @Test
    void moreSessionReplicasNeedMorePartitions() {
        String manifest = HelmChart.templateRaw(Map.of("session.replicaCount", 12, "kafka.topicPartitions", 12),
                HelmChart.ci("default-values.yaml"));
        assertThat(Rendered.parse(manifest).get("Deployment", "wechat-api-session").at("spec.replicas")).isEqualTo(12);
    }
}
