package dev.wechatapi.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.simulator.WeChatSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fidelity proof: the independent Node.js client wechat4u (from npm, unmodified; only its transport is pointed at
 * the simulator) logs in, loads contacts, receives messages and sends, and the simulator records what it sent.
 */
class Wechat4uFidelityTest {

    private static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void wechat4uLogsInLoadsContactsReceivesAndSends() throws Exception {
        Assumptions.assumeTrue(NodeHarness.available(), "node and npm are needed for the wechat4u fidelity test");
        Path image = Files.createTempFile("wechat4u-upload", ".png");
        Files.write(image, TinyPng.BYTES);

        try (WeChatSimulator simulator = WeChatSimulator.start(SimulatorConfig.forTests());
                NodeHarness wechat4u = NodeHarness.start(
                        "wechat4u-fidelity", "harness.js", simulator.baseUrl(), image.toString())) {
            SimulatorControl control = simulator.control();
            String accountId = control.createAccount(Map.of(
                            "nickName", "测试号",
                            "friends", List.of("小明😀", "李雷"),
                            "groups", List.of(Map.of("nickName", "家人群", "members", List.of("小明😀", "李雷"))),
                            "mps", 1))
                    .get("accountId")
                    .asString();

            String uuid = wechat4u.await("a QR code", STEP, e -> is(e, "uuid")).get("uuid").asString();
            control.scan(uuid, accountId);
            control.confirm(uuid);
            assertThat(wechat4u.await("login", STEP, e -> is(e, "login")).get("nickName").asString())
                    .isEqualTo("测试号");

            Set<String> contacts = new HashSet<>();
            wechat4u.await("the contacts", STEP, e -> {
                if (is(e, "contacts")) {
                    e.get("names").forEach(name -> contacts.add(name.asString()));
                }
                return contacts.containsAll(List.of("李雷", "家人群"));
            });

            control.sendText(accountId, "小明😀", "ping 1 😀");
            JsonNode text = wechat4u.await("the text", STEP, e -> is(e, "message") && e.get("msgType").asInt() == 1
                    && !e.get("group").asBoolean());
            assertThat(text.get("content").asString()).isEqualTo("ping 1 😀");
            wechat4u.await("its reply", STEP, e -> is(e, "sent") && e.get("kind").asString().equals("text"));
            assertThat(sentTo(control, accountId, "小明😀")).contains("pong 1 😀");

            control.injectMessage(accountId, Map.of("from", "李雷", "kind", "image", "width", 64, "height", 48));
            JsonNode picture = wechat4u.await("the image", STEP, e -> is(e, "message") && e.get("msgType").asInt() == 3);
            assertThat(picture.get("from").asString()).isEqualTo("李雷");
            JsonNode downloaded = wechat4u.await("the image download", STEP, e -> is(e, "image"));
            assertThat(downloaded.get("bytes").asInt()).isPositive();

            control.sendText(accountId, "李雷", "send image");
            wechat4u.await("the image it sent", STEP, e -> is(e, "sent") && e.get("kind").asString().equals("image"));
            JsonNode upload = StreamSupport.stream(control.sent(accountId).spliterator(), false)
                    .filter(record -> record.get("kind").asString().equals("image"))
                    .findFirst()
                    .orElseThrow();
            assertThat(upload.get("toNickName").asString()).isEqualTo("李雷");
            assertThat(upload.get("size").asLong()).isEqualTo(TinyPng.BYTES.length);

            control.sendGroupText(accountId, "家人群", "李雷", "大家好 🎉", false);
            JsonNode group = wechat4u.await("the group message", STEP,
                    e -> is(e, "message") && e.get("group").asBoolean() && e.get("msgType").asInt() == 1);
            assertThat(group.get("from").asString()).isEqualTo("家人群");
            assertThat(group.get("content").asString()).endsWith("大家好 🎉");
        }
    }

    private static List<String> sentTo(SimulatorControl control, String accountId, String nickName) {
        return StreamSupport.stream(control.sent(accountId).spliterator(), false)
                .filter(record -> record.get("toNickName").asString().equals(nickName))
                .map(record -> record.get("content").asString())
                .toList();
    }

    private static boolean is(JsonNode event, String name) {
        return event.get("event").asString().equals(name);
    }
}
