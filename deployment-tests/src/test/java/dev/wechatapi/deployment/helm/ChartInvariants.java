package dev.wechatapi.deployment.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * What must hold for any values: checked on every render of the tests (defaults and production-like). Each check
 * names the object at fault.
 */
final class ChartInvariants {

    static final String RELEASE_PREFIX = "wechat-api-";
    static final List<String> COMPONENTS = List.of("gateway", "session", "archive");
    static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "session", 8081, "archive", 8082);
    static final String MEDIA_PATH = "/data/media";

    /** Environment variables whose value is a secret: they must come from a Secret, never a ConfigMap or a literal. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|ADMIN_TOKEN|CREDENTIALS_KEY).*");

    private ChartInvariants() {
    }

    static String deploymentName(String component) {
        return RELEASE_PREFIX + component;
    }

    /**
     * Every check below on one render; {@code secretValues} are the secret strings the values file holds,
     * {@code mediaClaim} the claim every pod must mount.
     */
    static void check(Rendered rendered, Set<String> secretValues, String mediaClaim) {
        SoftAssertions soft = new SoftAssertions();
        deployments(rendered, mediaClaim, soft);
        services(rendered, soft);
        disruptionBudgets(rendered, soft);
        autoscalers(rendered, soft);
        secretsStayInSecrets(rendered, secretValues, soft);
        secretReferencesResolve(rendered, soft);
        servicesTheGatewayCalls(rendered, soft);
        soft.assertAll();
    }

    static Map<String, Object> container(K8sObject deployment) {
        List<Map<String, Object>> containers = deployment.maps("spec.template.spec.containers");
        assertThat(containers).as("%s containers", deployment.id()).hasSize(1);
        return containers.getFirst();
    }

    /**
     * The environment a container starts with: its ConfigMaps (envFrom) as literal values, then its env entries
     * (either a literal {@code value} or the {@code valueFrom} map).
     */
    static Map<String, Object> environment(Rendered rendered, K8sObject workload, String containersPath) {
        Map<String, Object> env = new LinkedHashMap<>();
        Map<String, Object> container = K8sObject.asMap(
                ((List<?>) Objects.requireNonNull(workload.at(containersPath), containersPath)).getFirst());
        for (Object source : (List<?>) container.getOrDefault("envFrom", List.of())) {
            String configMap = (String) K8sObject.at(source, "configMapRef.name");
            assertThat(configMap).as("%s envFrom is a ConfigMap", workload.id()).isNotNull();
            env.putAll(rendered.get("ConfigMap", configMap).map("data"));
        }
        for (Object entry : (List<?>) container.getOrDefault("env", List.of())) {
            Map<String, Object> variable = K8sObject.asMap(entry);
            env.put((String) variable.get("name"),
                    variable.containsKey("valueFrom") ? variable.get("valueFrom") : variable.get("value"));
        }
        return env;
    }

    static Map<String, Object> environment(Rendered rendered, K8sObject deployment) {
        return environment(rendered, deployment, "spec.template.spec.containers");
    }

    /** The Secret name and key a variable comes from, or null when it is not a secretKeyRef. */
    static Map<String, Object> secretKeyRef(Object value) {
        return value instanceof Map<?, ?> ? K8sObject.asMap(K8sObject.at(value, "secretKeyRef")) : Map.of();
    }

    private static void deployments(Rendered rendered, String claim, SoftAssertions soft) {
        List<K8sObject> deployments = rendered.ofKind("Deployment");
        soft.assertThat(deployments.stream().map(K8sObject::name))
                .as("one Deployment per service")
                .containsExactlyInAnyOrderElementsOf(COMPONENTS.stream().map(ChartInvariants::deploymentName).toList());
        String renderedClaim = mediaClaim(rendered);
        if (renderedClaim != null) {
            soft.assertThat(renderedClaim).as("the rendered media claim").isEqualTo(claim);
        }
        for (String component : COMPONENTS) {
            K8sObject deployment = rendered.find("Deployment", deploymentName(component)).orElse(null);
            if (deployment == null) {
                continue;
            }
            String id = deployment.id();
            Map<String, Object> container = container(deployment);
            int port = PORTS.get(component);

            // the port the probes and the Service use
            List<?> ports = (List<?>) container.get("ports");
            soft.assertThat(ports).as("%s ports", id).hasSize(1);
            soft.assertThat(K8sObject.at(ports.getFirst(), "name")).as("%s port name", id).isEqualTo("http");
            soft.assertThat(K8sObject.at(ports.getFirst(), "containerPort")).as("%s container port", id).isEqualTo(port);
            soft.assertThat(environment(rendered, deployment).get("SERVER_PORT")).as("%s SERVER_PORT", id)
                    .isEqualTo(String.valueOf(port));

            // probes: Spring Boot's liveness and readiness groups on the service's own port; a startup probe first
            soft.assertThat(K8sObject.at(container, "livenessProbe.httpGet.path")).as("%s liveness path", id)
                    .isEqualTo("/actuator/health/liveness");
            soft.assertThat(K8sObject.at(container, "livenessProbe.httpGet.port")).as("%s liveness port", id)
                    .isEqualTo("http");
            soft.assertThat(K8sObject.at(container, "readinessProbe.httpGet.path")).as("%s readiness path", id)
                    .isEqualTo("/actuator/health/readiness");
            soft.assertThat(K8sObject.at(container, "readinessProbe.httpGet.port")).as("%s readiness port", id)
                    .isEqualTo("http");
            soft.assertThat(K8sObject.at(container, "startupProbe.httpGet.path")).as("%s startup path", id)
                    .isEqualTo("/actuator/health/liveness");
            Object startupFailures = K8sObject.at(container, "startupProbe.failureThreshold");
            Object startupPeriod = K8sObject.at(container, "startupProbe.periodSeconds");
            soft.assertThat(startupFailures instanceof Integer f && startupPeriod instanceof Integer p && f * p >= 120)
                    .as("%s startup probe allows at least 2 minutes (%s x %s s)", id, startupFailures, startupPeriod)
                    .isTrue();

            // resources
            soft.assertThat(K8sObject.at(container, "resources.requests.cpu")).as("%s cpu request", id).isNotNull();
            soft.assertThat(K8sObject.at(container, "resources.requests.memory")).as("%s memory request", id).isNotNull();
            soft.assertThat(K8sObject.at(container, "resources.limits.memory")).as("%s memory limit", id).isNotNull();

            // non-root, read-only, no capabilities
            soft.assertThat(deployment.at("spec.template.spec.securityContext.runAsNonRoot")).as("%s pod runAsNonRoot", id)
                    .isEqualTo(true);
            soft.assertThat(deployment.at("spec.template.spec.securityContext.runAsUser")).as("%s pod runAsUser", id)
                    .isEqualTo(65532);
            soft.assertThat(deployment.at("spec.template.spec.securityContext.seccompProfile.type"))
                    .as("%s pod seccomp", id).isEqualTo("RuntimeDefault");
            soft.assertThat(K8sObject.at(container, "securityContext.runAsNonRoot")).as("%s runAsNonRoot", id)
                    .isEqualTo(true);
            soft.assertThat(K8sObject.at(container, "securityContext.runAsUser")).as("%s runAsUser", id).isEqualTo(65532);
            soft.assertThat(K8sObject.at(container, "securityContext.readOnlyRootFilesystem"))
                    .as("%s readOnlyRootFilesystem", id).isEqualTo(true);
            soft.assertThat(K8sObject.at(container, "securityContext.allowPrivilegeEscalation"))
                    .as("%s allowPrivilegeEscalation", id).isEqualTo(false);
            soft.assertThat((List<Object>) K8sObject.at(container, "securityContext.capabilities.drop"))
                    .as("%s dropped capabilities", id).containsExactly("ALL");
            soft.assertThat(K8sObject.at(container, "securityContext.seccompProfile.type")).as("%s seccomp", id)
                    .isEqualTo("RuntimeDefault");
            soft.assertThat(deployment.at("spec.template.spec.automountServiceAccountToken"))
                    .as("%s automountServiceAccountToken", id).isEqualTo(false);

            // volumes: the shared media claim at /data/media, an emptyDir at /tmp (read-only root)
            Map<String, String> mounts = new HashMap<>();
            for (Object mount : (List<?>) container.get("volumeMounts")) {
                mounts.put((String) K8sObject.at(mount, "mountPath"), (String) K8sObject.at(mount, "name"));
            }
            Map<String, Map<String, Object>> volumes = new HashMap<>();
            for (Map<String, Object> volume : deployment.maps("spec.template.spec.volumes")) {
                volumes.put((String) volume.get("name"), volume);
            }
            soft.assertThat(mounts).as("%s mounts", id).containsKeys(MEDIA_PATH, "/tmp");
            soft.assertThat(K8sObject.at(volumes.get(mounts.get(MEDIA_PATH)), "persistentVolumeClaim.claimName"))
                    .as("%s media volume", id).isEqualTo(claim);
            soft.assertThat(volumes.get(mounts.get("/tmp"))).as("%s /tmp volume", id).containsKey("emptyDir");
            soft.assertThat(environment(rendered, deployment).get("WECHAT_MEDIA_ROOT")).as("%s WECHAT_MEDIA_ROOT", id)
                    .isEqualTo(MEDIA_PATH);

            // labels: the selector picks the pod template, which carries the app.kubernetes.io labels
            Map<String, Object> podLabels = deployment.map("spec.template.metadata.labels");
            soft.assertThat(podLabels).as("%s pod labels", id)
                    .containsEntry("app.kubernetes.io/name", "wechat-api")
                    .containsEntry("app.kubernetes.io/instance", "wechat-api")
                    .containsEntry("app.kubernetes.io/component", component)
                    .containsKey("app.kubernetes.io/version");
            soft.assertThat(podLabels).as("%s selector matches its pods", id)
                    .containsAllEntriesOf(deployment.map("spec.selector.matchLabels"));

            // config changes roll the pods
            soft.assertThat(deployment.map("spec.template.metadata.annotations")).as("%s checksum annotations", id)
                    .containsKeys("checksum/config", "checksum/secret");

            // spread over zones and nodes, counting this service's pods only
            List<Map<String, Object>> spread = deployment.maps("spec.template.spec.topologySpreadConstraints");
            soft.assertThat(spread).as("%s topology spread", id).isNotEmpty();
            for (Map<String, Object> constraint : spread) {
                soft.assertThat(podLabels).as("%s spread selector matches its pods", id)
                        .containsAllEntriesOf(K8sObject.asMap(K8sObject.at(constraint, "labelSelector.matchLabels")));
            }

            // image: the service's repository, pinned tag
            soft.assertThat((String) container.get("image")).as("%s image", id)
                    .contains("wechat-api/" + component + "-service:");
        }
    }

    static String mediaClaim(Rendered rendered) {
        List<K8sObject> claims = rendered.ofKind("PersistentVolumeClaim");
        if (claims.isEmpty()) {
            return null;
        }
        assertThat(claims).as("one media claim").hasSize(1);
        assertThat(claims.getFirst().list("spec.accessModes")).as("the media claim is shared by every pod")
                .contains("ReadWriteMany");
        return claims.getFirst().name();
    }

    private static void services(Rendered rendered, SoftAssertions soft) {
        List<K8sObject> services = rendered.ofKind("Service");
        soft.assertThat(services.stream().map(K8sObject::name)).as("one Service per service")
                .containsExactlyInAnyOrderElementsOf(COMPONENTS.stream().map(ChartInvariants::deploymentName).toList());
        for (K8sObject service : services) {
            Map<String, Object> selector = service.map("spec.selector");
            List<K8sObject> selected = rendered.ofKind("Deployment").stream()
                    .filter(d -> d.map("spec.template.metadata.labels").entrySet().containsAll(selector.entrySet()))
                    .toList();
            soft.assertThat(selected.stream().map(K8sObject::name)).as("%s selects exactly its Deployment's pods",
                    service.id()).containsExactly(service.name());
            if (selected.size() == 1) {
                Object targetPort = K8sObject.at(service.list("spec.ports").getFirst(), "targetPort");
                List<?> containerPorts = (List<?>) container(selected.getFirst()).get("ports");
                soft.assertThat(containerPorts.stream().map(p -> K8sObject.at(p, "name")))
                        .as("%s targetPort %s is a named port of its pods", service.id(), targetPort)
                        .contains(targetPort);
            }
        }
    }

    private static void disruptionBudgets(Rendered rendered, SoftAssertions soft) {
        List<K8sObject> budgets = rendered.ofKind("PodDisruptionBudget");
        soft.assertThat(budgets.stream().map(K8sObject::name)).as("one PodDisruptionBudget per service")
                .containsExactlyInAnyOrderElementsOf(COMPONENTS.stream().map(ChartInvariants::deploymentName).toList());
        for (K8sObject budget : budgets) {
            soft.assertThat(budget.string("apiVersion")).as("%s apiVersion", budget.id()).isEqualTo("policy/v1");
            soft.assertThat(budget.at("spec.minAvailable") != null ^ budget.at("spec.maxUnavailable") != null)
                    .as("%s has one of minAvailable and maxUnavailable", budget.id()).isTrue();
            rendered.find("Deployment", budget.name()).ifPresentOrElse(
                    deployment -> soft.assertThat(deployment.map("spec.template.metadata.labels"))
                            .as("%s selects its Deployment's pods", budget.id())
                            .containsAllEntriesOf(budget.map("spec.selector.matchLabels")),
                    () -> soft.fail("%s has no Deployment of its name", budget.id()));
        }
    }

    private static void autoscalers(Rendered rendered, SoftAssertions soft) {
        for (K8sObject hpa : rendered.ofKind("HorizontalPodAutoscaler")) {
            soft.assertThat(hpa.string("apiVersion")).as("%s apiVersion", hpa.id()).isEqualTo("autoscaling/v2");
            soft.assertThat(hpa.string("spec.scaleTargetRef.kind")).as("%s target kind", hpa.id()).isEqualTo("Deployment");
            String target = hpa.string("spec.scaleTargetRef.name");
            soft.assertThat(target).as("%s targets the gateway or the archive, never the session service", hpa.id())
                    .isIn(deploymentName("gateway"), deploymentName("archive"));
            rendered.find("Deployment", target).ifPresentOrElse(
                    deployment -> soft.assertThat(deployment.at("spec.replicas"))
                            .as("%s is scaled by its HPA, so it sets no replicas", deployment.id()).isNull(),
                    () -> soft.fail("%s targets %s, which is not rendered", hpa.id(), target));
            soft.assertThat((Integer) hpa.at("spec.minReplicas")).as("%s min <= max", hpa.id())
                    .isLessThanOrEqualTo((Integer) hpa.at("spec.maxReplicas"));
            soft.assertThat(hpa.maps("spec.metrics").stream().map(m -> K8sObject.at(m, "resource.name")))
                    .as("%s metrics", hpa.id()).contains("cpu");
        }
        rendered.find("Deployment", deploymentName("session")).ifPresent(session -> soft
                .assertThat(session.at("spec.replicas")).as("session replicas are fixed").isInstanceOf(Integer.class));
    }

    /**
     * No secret reaches a ConfigMap or a literal env value: neither a value the values file gave, nor anything the
     * chart's Secret holds, nor a variable named like a secret.
     */
    private static void secretsStayInSecrets(Rendered rendered, Set<String> secretValues, SoftAssertions soft) {
        List<String> secrets = new ArrayList<>(secretValues);
        for (K8sObject secret : rendered.ofKind("Secret")) {
            secret.map("data").values().forEach(v -> secrets.add(
                    new String(Base64.getDecoder().decode(v.toString()), java.nio.charset.StandardCharsets.UTF_8)));
        }
        for (K8sObject configMap : rendered.ofKind("ConfigMap")) {
            configMap.map("data").forEach((key, value) -> {
                soft.assertThat(key).as("%s holds no secret-named key", configMap.id()).doesNotMatch(SECRET_NAME);
                for (String secret : secrets) {
                    if (!secret.isBlank()) {
                        soft.assertThat(String.valueOf(value)).as("%s %s holds no secret", configMap.id(), key)
                                .doesNotContain(secret);
                    }
                }
            });
        }
        for (K8sObject deployment : rendered.ofKind("Deployment")) {
            for (Object entry : (List<?>) container(deployment).getOrDefault("env", List.of())) {
                Map<String, Object> variable = K8sObject.asMap(entry);
                String name = (String) variable.get("name");
                if (SECRET_NAME.matcher(name).matches()) {
                    soft.assertThat(K8sObject.at(variable, "valueFrom.secretKeyRef"))
                            .as("%s %s comes from a Secret", deployment.id(), name).isNotNull();
                }
            }
        }
    }

    /** Every required secretKeyRef to a Secret the chart renders names a key that Secret has. */
    private static void secretReferencesResolve(Rendered rendered, SoftAssertions soft) {
        for (K8sObject deployment : rendered.ofKind("Deployment")) {
            environment(rendered, deployment).forEach((name, value) -> {
                Map<String, Object> ref = secretKeyRef(value);
                if (ref.isEmpty() || Boolean.TRUE.equals(ref.get("optional"))) {
                    return;
                }
                rendered.find("Secret", (String) ref.get("name")).ifPresent(secret -> soft
                        .assertThat(secret.map("data")).as("%s %s: key %s in %s", deployment.id(), name,
                                ref.get("key"), secret.id())
                        .containsKey((String) ref.get("key")));
            });
        }
    }

    /** The gateway's session-uri and archive-uri are the rendered Services, on their ports. */
    private static void servicesTheGatewayCalls(Rendered rendered, SoftAssertions soft) {
        Map<String, Object> env = environment(rendered, rendered.get("Deployment", deploymentName("gateway")));
        for (String component : List.of("session", "archive")) {
            String variable = "WECHAT_GATEWAY_" + component.toUpperCase() + "_URI";
            K8sObject service = rendered.get("Service", deploymentName(component));
            Object port = K8sObject.at(service.list("spec.ports").getFirst(), "port");
            soft.assertThat(env.get(variable)).as("gateway %s", variable)
                    .isEqualTo("http://" + service.name() + ":" + port);
        }
    }
}
