package dev.wechatapi.deployment.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm lint} and {@code helm lint --strict} of the chart, alone and with each {@code ci/*-values.yaml}. */
class HelmLintTest {

    @Test
    void theChartAsItIsLints() {
        LintResult lint = HelmChart.lint(false);
        assertThat(lint.isFailed()).as("helm lint: %s", lint.getMessages()).isFalse();
    }

    @Test
    void theChartAsItIsLintsStrictly() {
        LintResult lint = HelmChart.lint(true);
        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).as("no warning or error")
                .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    static List<Path> ciValuesFiles() {
        return HelmChart.ciValuesFiles();
    }

    @Test
    void theCiValuesFilesExist() {
        assertThat(ciValuesFiles().stream().map(p -> p.getFileName().toString()))
                .contains("default-values.yaml", "production-values.yaml");
    }

    @ParameterizedTest
    @MethodSource("ciValuesFiles")
    void lintsStrictlyWithEachCiValuesFile(Path valuesFile, @TempDir Path copy) throws IOException {
        LintResult lint = HelmChart.lint(HelmChart.copyWithValues(valuesFile, copy.resolve("wechat-api")), true);
        assertThat(lint.isFailed()).as("helm lint --strict with %s: %s", valuesFile.getFileName(), lint.getMessages())
                .isFalse();
        assertThat(lint.getMessages()).as("no warning or error")
                .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }
}
