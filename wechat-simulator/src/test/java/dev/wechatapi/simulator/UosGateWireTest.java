package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The UOS gate: with it required, webwxnewloginpage refuses logins without the UOS extspam header (§2.6, §14.1). */
class UosGateWireTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests().withRequireExtspam(true));

    private final SimulatorControl control = simulator.control();
    private final RawClient client = new RawClient(simulator.simulator());
    private String accountIdOfLastLogin;

    @AfterEach
    void gateBackOn() {
        control.requireUosGate(true);
    }

    @Test
    void uosLoginWithoutExtspamGets1203InTheUosAnswer() {
        String redirect = confirmedRedirect(true);

        HttpResponse<byte[]> missing = client.getBytes(redirect + "&fun=new", "client-version", "2.0.0");
        HttpResponse<byte[]> wrong = client.getBytes(redirect + "&fun=new", "client-version", "2.0.0", "extspam", "Gp8ICJkIEpkICggw");

        for (HttpResponse<byte[]> answer : List.of(missing, wrong)) {
            assertThat(answer.statusCode()).isEqualTo(301);
            assertThat(answer.headers().firstValue("Location")).isEmpty();
            assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                    .isEqualTo("<error><ret>1203</ret><message>为了保障你的账号安全，暂不支持使用网页版微信</message></error>");
        }
        assertThat(control.requireUosGate(false).get("required").asBoolean()).isFalse();
        HttpResponse<byte[]> open = client.getBytes(redirect + "&fun=new", "client-version", "2.0.0");
        assertThat(new String(open.body(), StandardCharsets.UTF_8)).startsWith("<error><ret>0</ret>");
    }

    @Test
    void webModeLoginIsRefusedWhileTheGateIsRequired() {
        String redirect = confirmedRedirect(false);

        HttpResponse<byte[]> answer = client.getBytes(redirect + "&fun=new&version=v2");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("<ret>1203</ret>");
        assertThat(control.account(accountIdOfLastLogin).get("online").asBoolean()).isFalse();
    }

    private String confirmedRedirect(boolean desktop) {
        accountIdOfLastLogin = control.createAccount(Map.of("friends", 1, "groups", 0)).get("accountId").asString();
        String jslogin = client.get("/jslogin?appid=wx782c26e4c19acffb&fun=new&redirect_uri="
                + (desktop ? "https%3A%2F%2Fwx.qq.com%2Fcgi-bin%2Fmmwebwx-bin%2Fwebwxnewloginpage%3Fmod%3Ddesktop" : "x")).body();
        String uuid = RawClient.group(Pattern.compile("uuid = \"(.+)\";$"), jslogin);
        control.scanAndConfirm(uuid, accountIdOfLastLogin);
        String poll = client.get("/cgi-bin/mmwebwx-bin/login?loginicon=true&uuid=" + uuid + "&tip=0").body();
        String redirect = RawClient.group(Pattern.compile("window.redirect_uri=\"(\\S+)\";"), poll);
        return redirect.substring(redirect.indexOf("/cgi-bin/"));
    }
}
