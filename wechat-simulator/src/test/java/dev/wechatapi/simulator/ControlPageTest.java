package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The control page is served as HTML and uses control API paths that exist. */
class ControlPageTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension();

    private final RawClient client = new RawClient(simulator.simulator());

    @Test
    void pageIsServedAsHtmlUnderControl() {
        HttpResponse<String> withSlash = client.get("/control/");
        HttpResponse<String> withoutSlash = client.get("/control");

        assertThat(withSlash.statusCode()).isEqualTo(200);
        assertThat(withSlash.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(withSlash.body()).startsWith("<!DOCTYPE html>").contains("<script>");
        assertThat(withoutSlash.body()).isEqualTo(withSlash.body());
    }

    @Test
    void pageCallsTheControlApiPathsItNeedsAndTheyAnswer() {
        String page = client.get("/control/").body();

        assertThat(page).contains("\"/control/accounts\"", "\"/control/qr\"", "\"/control/message-streams\"",
                "\"/messages\"", "\"/message-streams\"", "\"/sent\"", "\"/qrcode/\"", "\"scan\"", "\"confirm\"", "\"expire\"", "\"/control/uos-gate\"");
        for (String path : new String[] {"/control/accounts", "/control/qr", "/control/message-streams", "/control/uos-gate"}) {
            HttpResponse<String> answer = client.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/json; charset=utf-8");
        }
    }

    @Test
    void pageScriptIsValidJavaScript(@TempDir Path dir) throws Exception {
        assumeTrue(commandWorks("node", "--version"), "node is not installed");
        var script = Pattern.compile("<script>(.*)</script>", Pattern.DOTALL).matcher(client.get("/control/").body());
        assertThat(script.find()).isTrue();
        Path file = Files.writeString(dir.resolve("control.js"), script.group(1));

        Process check = new ProcessBuilder("node", "--check", file.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());

        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException absent) {
            return false;
        }
    }
}
