package dev.wechatapi.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.simulator.WeChatSimulatorExtension;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Files over 25 MB are announced with webwxcheckupload first, and not uploaded again when WeChat has them (§11.6). */
class LargeUploadTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300)));

    private final WeChatDriver driver = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl()))
            .withCallTimeout(Duration.ofSeconds(30)));
    private final SimulatorControl control = simulator.control();
    private String accountId;
    private WeChatSession session;
    private String friend;

    @BeforeEach
    void logIn() throws WeChatException {
        accountId = control.createAccount(Map.of("friends", List.of("张伟"), "groups", 0)).get("accountId").asString();
        session = Phones.logIn(driver, control, accountId);
        friend = control.account(accountId).get("friends").get(0).get("userName").asString();
    }

    @AfterEach
    void clearFaults() {
        control.clearFaults();
    }

    @Test
    void largeFileWeChatAlreadyHasIsSentByItsMediaIdWithoutUploadingAgain() throws Exception {
        byte[] video = new byte[26 * 1024 * 1024 + 17];
        new Random(7).nextBytes(video);

        SentMessage first = session.sendFile(friend, "录像.mp4", video);
        // Any upload now gets no answer: the second send can only succeed without one.
        control.fault("webwxuploadmedia", 0, true, false, 1_000);
        SentMessage second = session.sendFile(friend, "录像.mp4", video);

        JsonNode sent = control.sent(accountId);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).get("msgId").asString()).isEqualTo(Long.toString(first.msgId()));
        assertThat(sent.get(0).get("size").asLong()).isEqualTo(video.length);
        assertThat(sent.get(0).get("sha256").asString()).isEqualTo(sha256(video));
        assertThat(sent.get(1).get("msgId").asString()).isEqualTo(Long.toString(second.msgId()));
        assertThat(sent.get(1).get("mediaId").asString()).isEqualTo(sent.get(0).get("mediaId").asString());
        assertThat(sent.get(1).get("sha256").asString()).isEqualTo(sha256(video));
    }

    @Test
    void smallFilesAreUploadedEveryTime() throws Exception {
        byte[] note = "小文件".repeat(1_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        session.sendFile(friend, "笔记.txt", note);
        session.sendFile(friend, "笔记.txt", note);

        JsonNode sent = control.sent(accountId);
        assertThat(sent.get(1).get("mediaId").asString()).isNotEqualTo(sent.get(0).get("mediaId").asString());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
