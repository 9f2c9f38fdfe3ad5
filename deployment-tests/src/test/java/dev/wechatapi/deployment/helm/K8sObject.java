package dev.wechatapi.deployment.helm;

import java.util.List;
import java.util.Map;

/** One rendered Kubernetes object, with path access into its YAML tree ("spec.template.metadata.labels"). */
record K8sObject(Map<String, Object> tree) {

    String kind() {
        return String.valueOf(tree.get("kind"));
    }

    String name() {
        return string("metadata.name");
    }

    String id() {
        return kind() + "/" + name();
    }

    Object at(String path) {
        return at(tree, path);
    }

    String string(String path) {
        Object value = at(path);
        return value == null ? null : value.toString();
    }

    Map<String, Object> map(String path) {
        return asMap(at(path));
    }

    List<Object> list(String path) {
        Object value = at(path);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new AssertionError(id() + ": " + path + " is not a list: " + value);
        }
        @SuppressWarnings("unchecked")
        List<Object> objects = (List<Object>) list;
        return objects;
    }

    List<Map<String, Object>> maps(String path) {
        return list(path).stream().map(K8sObject::asMap).toList();
    }

    static Object at(Object node, String path) {
        Object current = node;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("not a map: " + value);
        }
        return (Map<String, Object>) value;
    }
}
