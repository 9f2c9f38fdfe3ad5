package dev.wechatapi.deployment.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The output of {@code compose config}, in either tool's dialect: docker-compose 1.29 writes short volume strings and
 * numeric ports, Compose v2 long forms with strings.
 */
final class NormalizedCompose {

    record Mount(String source, String target, boolean readOnly) {}

    private final Map<String, Object> root;

    @SuppressWarnings("unchecked")
    NormalizedCompose(String yaml) {
        this.root = (Map<String, Object>) new Yaml().load(yaml);
    }

    Set<String> services() {
        return map(root.get("services")).keySet();
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = map(map(root.get("services")).get(name));
        if (service.isEmpty()) {
            throw new AssertionError("no service " + name + " in " + services());
        }
        return service;
    }

    Set<String> namedVolumes() {
        return map(root.get("volumes")).keySet();
    }

    String image(String service) {
        return String.valueOf(service(service).get("image"));
    }

    List<String> profiles(String service) {
        return strings(service(service).get("profiles"));
    }

    Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> values.put(key.toString(), value == null ? null : value.toString()));
        } else {
            for (String entry : strings(environment)) {
                int eq = entry.indexOf('=');
                values.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
            }
        }
        return values;
    }

    /** The health check's test, e.g. {@code [CMD, java, ...]}; empty without one. */
    List<String> healthcheckTest(String service) {
        Object test = map(service(service).get("healthcheck")).get("test");
        return test instanceof String shell ? List.of("CMD-SHELL", shell) : strings(test);
    }

    /** depends_on as service → condition. */
    Map<String, String> dependsOn(String service) {
        Object dependsOn = service(service).get("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> conditions.put(key.toString(),
                    String.valueOf(map(value).getOrDefault("condition", "service_started"))));
        } else {
            strings(dependsOn).forEach(name -> conditions.put(name, "service_started"));
        }
        return conditions;
    }

    /** Published container ports (targets). */
    List<Integer> publishedTargets(String service) {
        List<Integer> targets = new ArrayList<>();
        Object ports = service(service).get("ports");
        if (ports instanceof List<?> list) {
            for (Object port : list) {
                if (port instanceof Map<?, ?> spec) {
                    targets.add(Integer.parseInt(String.valueOf(spec.get("target"))));
                } else {
                    String text = String.valueOf(port).replaceAll("/.*$", "");
                    targets.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
                }
            }
        }
        return targets;
    }

    List<Mount> mounts(String service) {
        List<Mount> mounts = new ArrayList<>();
        Object volumes = service(service).get("volumes");
        if (volumes instanceof List<?> list) {
            for (Object volume : list) {
                if (volume instanceof Map<?, ?> spec) {
                    mounts.add(new Mount(String.valueOf(spec.get("source")), String.valueOf(spec.get("target")),
                            Boolean.TRUE.equals(spec.get("read_only"))));
                } else {
                    String[] parts = String.valueOf(volume).split(":");
                    mounts.add(new Mount(parts[0], parts[1], parts.length > 2 && parts[2].contains("ro")));
                }
            }
        }
        return mounts;
    }

    List<String> command(String service) {
        return strings(service(service).get("command"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> strings(Object node) {
        if (node instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return node == null ? List.of() : List.of(String.valueOf(node));
    }
}
