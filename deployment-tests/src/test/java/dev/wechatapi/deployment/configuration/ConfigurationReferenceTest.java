package dev.wechatapi.deployment.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.deployment.configuration.ConfigurationReference.Row;
import dev.wechatapi.deployment.configuration.ServiceProperties.Property;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/configuration.md stays true to the code: every {@code wechat.*} property a service binds (its
 * {@code @ConfigurationProperties} records, read from the sources, and its application.yml) is in the service's
 * section with its environment variable and its default, and nothing documented there is gone from the code.
 */
class ConfigurationReferenceTest {

    private static final Path ROOT = Repository.root();
    private static final ConfigurationReference REFERENCE =
            ConfigurationReference.read(ROOT.resolve("docs/configuration.md"));

    static Stream<String> services() {
        return ServiceProperties.SERVICES.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyPropertyIsDocumentedWithItsDefault(String service) {
        Map<String, Property> bound = ServiceProperties.of(ROOT.resolve(service));
        assertThat(bound).as("wechat.* properties found in %s", service).isNotEmpty();
        Map<String, Row> documented = REFERENCE.section(service);
        List<String> problems = new ArrayList<>();
        for (Property property : bound.values()) {
            Row row = documented.get(property.name());
            if (row == null) {
                problems.add(property.name() + " (" + property.declaredIn() + ") is missing from the section ## "
                        + service + " of docs/configuration.md");
                continue;
            }
            String value = property.defaultValue();
            if (value != null && !value.isEmpty() && !row.defaultCell().contains("`" + value + "`")) {
                problems.add("docs/configuration.md:" + row.line() + ": " + property.name() + " defaults to `"
                        + value + "` in " + property.declaredIn() + ", documented as " + row.defaultCell());
            }
        }
        assertThat(problems).as("properties of %s", service).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void nothingDocumentedIsGoneFromTheCode(String service) {
        Map<String, Property> bound = ServiceProperties.of(ROOT.resolve(service));
        List<String> stale = REFERENCE.section(service).keySet().stream()
                .filter(name -> name.startsWith("wechat."))
                .filter(name -> !bound.containsKey(name))
                .toList();
        assertThat(stale).as("documented under ## %s but bound by no @ConfigurationProperties of it", service)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void environmentVariablesAreTheOnesSpringBinds(String service) {
        List<String> wrong = REFERENCE.section(service).values().stream()
                .filter(row -> !row.environmentVariable()
                        .equals(ServiceProperties.environmentVariable(row.property())))
                .map(row -> "docs/configuration.md:" + row.line() + ": " + row.property() + " is set by "
                        + ServiceProperties.environmentVariable(row.property()) + ", not " + row.environmentVariable())
                .toList();
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("services")
    void settingsOfApplicationYmlThatAreDocumentedHaveTheirValue(String service) {
        Map<String, String> yml =
                ServiceProperties.fromApplicationYml(ROOT.resolve(service).resolve("src/main/resources/application.yml"));
        List<String> wrong = new ArrayList<>();
        REFERENCE.section(service).values().forEach(row -> {
            String value = yml.get(row.property());
            if (value != null && value.matches("\\$\\{[^:}]+}")) {
                return; // another property's value, documented in words
            }
            if (value != null && !value.isEmpty() && !row.defaultCell().contains("`" + value + "`")
                    && !row.defaultCell().contains("`" + value.replaceAll("^\\$\\{[^:]+:(.*)}$", "$1") + "`")) {
                wrong.add("docs/configuration.md:" + row.line() + ": " + row.property() + " is `" + value
                        + "` in application.yml, documented as " + row.defaultCell());
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void theParserFindsNestedAndSharedProperties() {
        Map<String, Property> gateway = ServiceProperties.of(ROOT.resolve("gateway-service"));
        assertThat(gateway).containsKeys("wechat.gateway.rate-limits.media.burst-capacity",
                "wechat.gateway.cors.allowed-origins", "wechat.media.link-secrets", "wechat.media.root");
        assertThat(gateway.get("wechat.gateway.token-lifetime").defaultValue()).isEqualTo("7200s");
        Map<String, Property> session = ServiceProperties.of(ROOT.resolve("session-service"));
        assertThat(session).containsKeys("wechat.session.credentials-key", "wechat.session.ownership.command-timeout",
                "wechat.media.root");
        assertThat(session).doesNotContainKey("wechat.session.send");
        assertThat(ServiceProperties.environmentVariable("wechat.session.wechat-base-url"))
                .isEqualTo("WECHAT_SESSION_WECHAT_BASE_URL");
    }
}
