package dev.wechatapi.deployment.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The objects of a {@code helm template} output, parsed from its YAML documents. */
record Rendered(String manifest, List<K8sObject> objects) {

    static Rendered parse(String manifest) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<K8sObject> objects = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(manifest)) {
            if (document instanceof Map<?, ?> map && !map.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                objects.add(new K8sObject(object));
            }
        }
        return new Rendered(manifest, List.copyOf(objects));
    }

    List<K8sObject> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    Optional<K8sObject> find(String kind, String name) {
        return objects.stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).findFirst();
    }

    K8sObject get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "no " + kind + " " + name + " rendered; rendered: " + objects.stream().map(K8sObject::id).toList()));
    }
}
