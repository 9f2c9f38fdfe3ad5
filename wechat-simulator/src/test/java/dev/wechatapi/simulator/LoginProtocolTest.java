package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginProtocolTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300)));

    private static String accountId;
    private final RawClient client = new RawClient(simulator.simulator());

    @BeforeAll
    static void createAccount() {
        accountId = simulator.control().createAccount(Map.of("nickName", "登录测试", "friends", 2)).get("accountId").asString();
    }

    @Test
    void jsloginAnswersTheExactAssignmentWithNothingAfterTheFinalSemicolon() {
        var get = client.get("/jslogin?appid=wx782c26e4c19acffb&fun=new&lang=zh_CN&_=1");
        var post = client.post("/jslogin?appid=wx782c26e4c19acffb&fun=new&lang=zh-CN", "");

        for (var response : List.of(get, post)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/javascript");
            assertThat(response.body()).matches("window\\.QRLogin\\.code = 200; window\\.QRLogin\\.uuid = \"[A-Za-z0-9]{10}==\";");
            assertThat(response.body().getBytes(StandardCharsets.UTF_8)).hasSize(64);
        }
    }

    @Test
    void qrCodeImageIsAJpeg() {
        String uuid = client.newUuid();

        var response = client.get("/qrcode/" + uuid);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void unscannedPollHoldsThenAnswers408() {
        String uuid = client.newUuid();
        long start = System.nanoTime();

        String body = client.get("/cgi-bin/mmwebwx-bin/login?loginicon=true&uuid=" + uuid + "&tip=1&r=1").body();

        assertThat(body).isEqualTo("window.code=408;");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void scanIsReported201WithAvatarOnceThenConfirmRedirectsToThisOrigin() {
        String uuid = client.newUuid();
        simulator.control().scan(uuid, accountId);

        String scanned = poll(uuid);
        String again = poll(uuid);
        simulator.control().confirm(uuid);
        String confirmed = poll(uuid);

        assertThat(scanned).matches("window\\.code=201;window\\.userAvatar = 'data:img/jpg;base64,[A-Za-z0-9+/=]+';");
        assertThat(again).isEqualTo("window.code=408;");
        assertThat(confirmed).matches(Pattern.quote("window.code=200;\nwindow.redirect_uri=\"" + simulator.baseUrl()
                + "/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=") + "\\S+@qrticket_0&uuid="
                + Pattern.quote(uuid) + "&lang=zh_CN&scan=\\d+\";");
    }

    @Test
    void pollReturnsAsSoonAsThePhoneScans() {
        String uuid = client.newUuid();
        Thread.ofVirtual().start(() -> {
            sleep(100);
            simulator.control().scan(uuid, accountId);
        });

        assertThat(poll(uuid)).startsWith("window.code=201;");
    }

    @Test
    void expiredCodeAnswers400() {
        String uuid = client.newUuid();
        simulator.control().expire(uuid);

        assertThat(poll(uuid)).isEqualTo("window.code=400;");
        assertThat(poll("unknownuuid==")).isEqualTo("window.code=400;");
    }

    @Test
    void codeExpiresByItselfAfterItsLifetime() {
        try (var shortLived = WeChatSimulator.start(SimulatorConfig.forTests().withQrLifetime(Duration.ofMillis(200)))) {
            var shortClient = new RawClient(shortLived);
            String uuid = shortClient.newUuid();

            String body = shortClient.get("/cgi-bin/mmwebwx-bin/login?uuid=" + uuid + "&tip=1").body();

            assertThat(body).isEqualTo("window.code=400;");
        }
    }

    @Test
    void newLoginPageAnswersOneLineXmlWithCookiesThatHaveAttributes() {
        String uuid = client.newUuid();
        simulator.control().scanAndConfirm(uuid, accountId);
        String redirect = RawClient.group(Pattern.compile("redirect_uri=\"(\\S+)\";"), poll(uuid));

        var response = client.get(redirect.substring(simulator.baseUrl().length()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches("<error><ret>0</ret><message></message><skey>@crypt_[0-9a-f]{8}_[0-9a-f]{32}</skey>"
                + "<wxsid>[A-Za-z0-9]{16}</wxsid><wxuin>\\d+</wxuin><pass_ticket>[A-Za-z0-9]+</pass_ticket>"
                + "<isgrayscale>1</isgrayscale></error>");
        assertThat(response.headers().allValues("Set-Cookie"))
                .extracting(cookie -> cookie.substring(0, cookie.indexOf('=')))
                .containsExactlyInAnyOrder("wxuin", "wxsid", "wxloadtime", "mm_lang", "webwx_data_ticket", "webwxuvid",
                        "webwx_auth_ticket");
        assertThat(response.headers().allValues("Set-Cookie")).allMatch(cookie -> cookie.matches("[^=]+=[^;]+; Path=/;.*"));
    }

    @Test
    void desktopModeLoginWithoutVersionV2Gets301WithoutLocation() {
        String uuid = RawClient.group(Pattern.compile("uuid = \"(.+)\";"), client.get("/jslogin?appid=wx782c26e4c19acffb"
                + "&fun=new&redirect_uri=https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?mod=desktop").body());
        simulator.control().scanAndConfirm(uuid, accountId);
        String redirect = RawClient.group(Pattern.compile("redirect_uri=\"(\\S+)\";"), poll(uuid));
        String path = redirect.substring(simulator.baseUrl().length());

        var withoutVersion = client.get(path);

        assertThat(withoutVersion.statusCode()).isEqualTo(301);
        assertThat(withoutVersion.headers().firstValue("Location")).isEmpty();
        assertThat(withoutVersion.body()).startsWith("<error><ret>0</ret>");
        assertThat(client.get(path + "&fun=new&version=v2").statusCode()).isEqualTo(200);
    }

    @Test
    void blockedAccountGetsRet1203WithItsMessage() {
        String blocked = simulator.control()
                .createAccount(Map.of("loginBlocked", "为了你的帐号安全，此微信号不能登录网页微信。"))
                .get("accountId").asString();
        String uuid = client.newUuid();
        simulator.control().scanAndConfirm(uuid, blocked);
        String redirect = RawClient.group(Pattern.compile("redirect_uri=\"(\\S+)\";"), poll(uuid));

        var response = client.get(redirect.substring(simulator.baseUrl().length()));

        assertThat(response.body()).isEqualTo("<error><ret>1203</ret><message>为了你的帐号安全，此微信号不能登录网页微信。</message></error>");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    private String poll(String uuid) {
        return client.get("/cgi-bin/mmwebwx-bin/login?loginicon=true&uuid=" + uuid + "&tip=0&r=1").body();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
