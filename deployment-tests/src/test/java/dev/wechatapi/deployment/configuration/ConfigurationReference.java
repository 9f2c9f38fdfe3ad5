package dev.wechatapi.deployment.configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/configuration.md as data: for each {@code ## <section>} (a service module's name), the rows of its table
 * {@code | `property` | default | `ENVIRONMENT_VARIABLE` | meaning |}.
 */
public final class ConfigurationReference {

    /** One row: the default cell as written, and the environment variable. */
    public record Row(String property, String defaultCell, String environmentVariable, int line) {}

    private static final Pattern SECTION = Pattern.compile("^## (\\S+)\\s*$");
    private static final Pattern ROW =
            Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*(.*?)\\s*\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|.*\\|\\s*$");

    private final Map<String, Map<String, Row>> sections;

    private ConfigurationReference(Map<String, Map<String, Row>> sections) {
        this.sections = sections;
    }

    public static ConfigurationReference read(Path file) {
        Map<String, Map<String, Row>> sections = new LinkedHashMap<>();
        String section = "";
        int number = 0;
        try {
            for (String line : Files.readAllLines(file)) {
                number++;
                Matcher heading = SECTION.matcher(line);
                if (heading.matches()) {
                    section = heading.group(1);
                    continue;
                }
                Matcher row = ROW.matcher(line);
                if (row.matches()) {
                    Row parsed = new Row(row.group(1), row.group(2), row.group(3), number);
                    Row before = sections.computeIfAbsent(section, key -> new LinkedHashMap<>())
                            .putIfAbsent(parsed.property(), parsed);
                    if (before != null) {
                        throw new IllegalStateException(file + ":" + number + ": " + parsed.property()
                                + " is listed twice in section " + section + " (line " + before.line() + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigurationReference(sections);
    }

    /** The rows of a section, by property name (empty when there is no such section). */
    public Map<String, Row> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }
}
