package dev.wechatapi.deployment.configuration;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.ToolProvider;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code wechat.*} properties a service really binds, read from its sources: every class or record annotated
 * {@code @ConfigurationProperties("prefix")} under {@code src/main/java}, parsed with javac's tree API (no build of
 * the service needed), nested records followed into their own prefixes; plus the {@code wechat.*} keys of its
 * {@code application.yml}. A property's default is its {@code @DefaultValue}, or the yml value.
 */
public final class ServiceProperties {

    /** @param defaultValue the {@code @DefaultValue} text, "" for an empty collection, null for none */
    public record Property(String name, String defaultValue, String declaredIn) {}

    private ServiceProperties() {}

    /** The {@code wechat.*} properties of one service module (e.g. {@code gateway-service}), by name. */
    public static Map<String, Property> of(Path module) {
        Map<String, Property> properties = new LinkedHashMap<>();
        for (Property property : fromSources(module.resolve("src/main/java"))) {
            properties.putIfAbsent(property.name(), property);
        }
        fromApplicationYml(module.resolve("src/main/resources/application.yml")).forEach((name, value) -> {
            if (name.startsWith("wechat.")) {
                Property known = properties.get(name);
                String defaultValue = known != null && known.defaultValue() != null ? known.defaultValue() : value;
                properties.put(name, new Property(name, defaultValue, known != null ? known.declaredIn() : "application.yml"));
            }
        });
        return properties;
    }

    /** Every leaf of a yml file as {@code a.b.c -> value} (lists joined with commas). */
    public static Map<String, String> fromApplicationYml(Path yml) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (!Files.exists(yml)) {
            return flat;
        }
        try (InputStream in = Files.newInputStream(yml)) {
            for (Object document : new Yaml().loadAll(in)) {
                flatten("", document, flat);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, into));
        } else if (node instanceof List<?> list && list.stream().noneMatch(item -> item instanceof Map)) {
            into.put(prefix, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else if (!(node instanceof List<?>)) {
            into.put(prefix, node == null ? "" : node.toString());
        }
    }

    static List<Property> fromSources(Path sourceRoot) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).filter(ServiceProperties::mentionsBinding)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            return List.of();
        }
        var compiler = ToolProvider.getSystemJavaCompiler();
        try (var fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            var task = (JavacTask) compiler.getTask(null, fileManager, diagnostic -> {}, List.of("-proc:none"), null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            List<Property> properties = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                Map<String, ClassTree> types = new HashMap<>();
                unit.getTypeDecls().forEach(type -> collectTypes(type, types));
                String file = sourceRoot.relativize(Path.of(unit.getSourceFile().toUri())).toString();
                for (ClassTree type : types.values()) {
                    String prefix = bindingPrefix(type.getModifiers());
                    if (prefix != null) {
                        members(prefix, type, types, file, properties, 0);
                    }
                }
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean mentionsBinding(Path file) {
        try {
            return Files.readString(file).contains("@ConfigurationProperties(");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectTypes(Tree tree, Map<String, ClassTree> into) {
        if (tree instanceof ClassTree type) {
            into.put(type.getSimpleName().toString(), type);
            type.getMembers().forEach(member -> collectTypes(member, into));
        }
    }

    private static void members(String prefix, ClassTree type, Map<String, ClassTree> types, String file,
            List<Property> into, int depth) {
        if (depth > 5) {
            throw new IllegalStateException("nesting too deep under " + prefix);
        }
        for (Tree member : type.getMembers()) {
            if (!(member instanceof VariableTree variable)
                    || variable.getModifiers().getFlags().contains(Modifier.STATIC)) {
                continue;
            }
            String name = prefix + "." + kebab(variable.getName().toString());
            String typeName = rawTypeName(variable.getType());
            ClassTree nested = types.get(typeName);
            if (nested != null && nested.getKind() != Tree.Kind.ENUM) {
                members(name, nested, types, file, into, depth + 1);
                continue;
            }
            String defaultValue = defaultValue(variable);
            into.add(new Property(name, defaultValue, file));
        }
    }

    private static String rawTypeName(Tree type) {
        if (type instanceof ParameterizedTypeTree parameterized) {
            return rawTypeName(parameterized.getType());
        }
        String name = type.toString();
        name = name.replaceAll("@\\S+\\s+", "");
        return name.substring(name.lastIndexOf('.') + 1).trim();
    }

    /** The prefix of {@code @ConfigurationProperties("p")}, {@code (value = "p")} or {@code (prefix = "p")}. */
    private static String bindingPrefix(ModifiersTree modifiers) {
        for (AnnotationTree annotation : modifiers.getAnnotations()) {
            if (annotationName(annotation).equals("ConfigurationProperties")) {
                for (ExpressionTree argument : annotation.getArguments()) {
                    ExpressionTree value = argument instanceof AssignmentTree assignment
                            ? assignment.getExpression() : argument;
                    if (value instanceof LiteralTree literal) {
                        return literal.getValue().toString();
                    }
                }
                throw new IllegalStateException("@ConfigurationProperties without a literal prefix: " + annotation);
            }
        }
        return null;
    }

    private static String defaultValue(VariableTree variable) {
        for (AnnotationTree annotation : variable.getModifiers().getAnnotations()) {
            if (annotationName(annotation).equals("DefaultValue")) {
                if (annotation.getArguments().isEmpty()) {
                    return "";
                }
                ExpressionTree argument = annotation.getArguments().getFirst();
                ExpressionTree value = argument instanceof AssignmentTree assignment
                        ? assignment.getExpression() : argument;
                if (value instanceof LiteralTree literal) {
                    return literal.getValue().toString();
                }
                if (value instanceof NewArrayTree array) {
                    return array.getInitializers().stream().map(item -> ((LiteralTree) item).getValue().toString())
                            .collect(Collectors.joining(","));
                }
                return value.toString();
            }
        }
        ExpressionTree initializer = variable.getInitializer();
        return initializer instanceof LiteralTree literal && literal.getValue() != null
                ? literal.getValue().toString() : null;
    }

    private static String annotationName(AnnotationTree annotation) {
        String name = annotation.getAnnotationType().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** {@code wechatBaseUrl} → {@code wechat-base-url}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The environment variable Spring binds to a property: upper case, {@code .} and {@code -} as {@code _}. */
    public static String environmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').replace("[", "_").replace("]", "")
                .toUpperCase(java.util.Locale.ROOT);
    }

    /** The service modules whose properties docs/configuration.md documents, by their section title. */
    public static final Set<String> SERVICES = Set.of("gateway-service", "session-service", "archive-service");
}
