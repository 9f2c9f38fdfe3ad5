package dev.wechatapi.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.simulator.WeChatSimulatorExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A steady stream of incoming messages reaches the driver complete, in order and once each. */
class MessageStreamDeliveryTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300)));

    private final WeChatDriver driver = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl())));
    private final SimulatorControl control = simulator.control();

    @Test
    void everyMessageOfAStreamArrivesOnceAndInOrder() throws Exception {
        String accountId = control.createAccount(Map.of("friends", List.of("张伟"), "groups", 0)).get("accountId").asString();
        WeChatSession session = Phones.logIn(driver, control, accountId);

        String streamId = control.startMessageStream(accountId, 40, 1.5, Map.of("from", "张伟", "text", "第{n}条"))
                .get("streamId").asString();
        SyncBatch batch = Phones.syncUntil(session, seen -> texts(seen).size() >= 60);

        assertThat(control.messageStream(streamId).get("injected").asInt()).isEqualTo(60);
        assertThat(texts(batch)).containsExactlyElementsOf(IntStream.rangeClosed(1, 60).mapToObj(n -> "第" + n + "条").toList());
        assertThat(session.sync().messages()).isEmpty();
    }

    private static List<String> texts(SyncBatch batch) {
        return batch.messages().stream().filter(m -> m.kind() == MsgKind.TEXT).map(WeChatMessage::content).toList();
    }
}
