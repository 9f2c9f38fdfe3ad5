package dev.wechatapi.deployment.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart under test ({@code charts/wechat-api}, passed by the pom as {@code wechat.chart.dir}) and Helm itself,
 * run in-process through helm-java (the Helm Go library packaged as a native library on Maven Central): no helm
 * binary, no network, no cluster.
 */
final class HelmChart {

    static final String RELEASE = "wechat-api";
    static final String NAMESPACE = "wechat";
    /** helm-java renders for Kubernetes 1.20 unless told; the chart needs 1.25 or later (policy/v1, autoscaling/v2). */
    static final String KUBE_VERSION = "v1.31.0";

    static final Path DIR = Path.of(System.getProperty("wechat.chart.dir", "../charts/wechat-api"))
            .toAbsolutePath().normalize();

    private HelmChart() {
    }

    /** A values file of the chart-testing convention, {@code ci/<name>}. */
    static Path ci(String name) {
        return DIR.resolve("ci").resolve(name);
    }

    /** Every values file under {@code ci/}. */
    static List<Path> ciValuesFiles() {
        try (Stream<Path> files = Files.list(DIR.resolve("ci"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code helm template wechat-api <chart> -n wechat -f <values>... --set k=v...}, the manifest as Helm prints it. */
    static String templateRaw(Map<String, ?> sets, Path... valuesFiles) {
        return templateRaw(DIR, sets, valuesFiles);
    }

    static String templateRaw(Path chartDir, Map<String, ?> sets, Path... valuesFiles) {
        TemplateCommand template = new Helm(chartDir).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path valuesFile : valuesFiles) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, ?> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    static Rendered template(Map<String, ?> sets, Path... valuesFiles) {
        return Rendered.parse(templateRaw(sets, valuesFiles));
    }

    static Rendered template(Path... valuesFiles) {
        return template(Map.of(), valuesFiles);
    }

    /** {@code helm lint [--strict]} of the chart as it is (values.yaml alone). */
    static LintResult lint(boolean strict) {
        return lint(DIR, strict);
    }

    static LintResult lint(Path chartDir, boolean strict) {
        var lint = new Helm(chartDir).lint();
        return strict ? lint.strict().call() : lint.call();
    }

    /**
     * A copy of the chart whose values.yaml is the chart's merged with {@code valuesFile}, so that {@code helm lint}
     * (which helm-java runs without {@code --values}) checks the chart with those values, as chart-testing's
     * {@code ct lint} does with each {@code ci/*-values.yaml}.
     */
    static Path copyWithValues(Path valuesFile, Path target) throws IOException {
        copy(target);
        Map<String, Object> values = loadMap(DIR.resolve("values.yaml"));
        deepMerge(values, loadMap(valuesFile));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(target.resolve("values.yaml"), new Yaml(options).dump(values));
        return target;
    }

    /** A copy of the chart directory at {@code target}. */
    static Path copy(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(DIR.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }

    static Map<String, Object> loadMap(Path file) {
        try {
            Map<String, Object> map = new Yaml().load(Files.readString(file));
            return map == null ? new LinkedHashMap<>() : map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static void deepMerge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> fromMap && into.get(key) instanceof Map<?, ?> intoMap) {
                deepMerge((Map<String, Object>) intoMap, (Map<String, Object>) fromMap);
            } else {
                into.put(key, value);
            }
        });
    }
}
