package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wechatapi.simulator.internal.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Message streams: a message injected at a rate for a time, with exact counts. */
class MessageStreamTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension();

    private final SimulatorControl control = simulator.control();

    @Test
    void streamInjectsRateTimesDurationMessagesOverTheDurationAndThenCompletes() throws Exception {
        String accountId = control.createAccount(Map.of("friends", List.of("张伟"), "groups", 0)).get("accountId").asString();
        var client = new RawClient(simulator.simulator());
        var credentials = client.login(accountId);
        JsonNode syncKey = client.init(credentials).get("SyncKey");
        Instant start = Instant.now();

        JsonNode started = control.startMessageStream(accountId, 20, 1.5, Map.of("from", "张伟", "text", "第{n}条"));
        String streamId = started.get("streamId").asString();
        JsonNode midway = control.messageStream(streamId);
        JsonNode done = awaitEnd(streamId);
        Duration took = Duration.between(start, Instant.parse(done.get("finishedAt").asString()));

        assertThat(started.get("total").asInt()).isEqualTo(30);
        assertThat(started.get("injected").asInt()).isEqualTo(1);
        assertThat(midway.get("state").asString()).isEqualTo("running");
        assertThat(done.get("state").asString()).isEqualTo("completed");
        assertThat(done.get("injected").asInt()).isEqualTo(30);
        // 29 ticks of 50 ms after the first message: paced by the scheduler, not injected in one burst.
        assertThat(took).isBetween(Duration.ofMillis(1300), Duration.ofMillis(3000));
        Thread.sleep(200);
        var texts = new ArrayList<String>();
        JsonNode sync = sync(client, credentials, syncKey);
        sync.get("AddMsgList").forEach(m -> {
            if (m.get("MsgType").asInt() == 1) {
                texts.add(m.get("Content").asString());
            }
        });
        assertThat(texts).hasSize(30).startsWith("第1条", "第2条").endsWith("第30条").doesNotHaveDuplicates();
        assertThat(control.messageStream(streamId).get("injected").asInt()).isEqualTo(30);
    }

    @Test
    void stoppedStreamInjectsNoMore() throws Exception {
        String accountId = control.createAccount(Map.of("friends", 1, "groups", 0)).get("accountId").asString();
        new RawClient(simulator.simulator()).login(accountId);

        String streamId = control.startMessageStream(accountId, 5, 60, Map.of("from", 0, "text", "刷屏{n}")).get("streamId").asString();
        Thread.sleep(500);
        JsonNode stopped = control.stopMessageStream(streamId);
        Thread.sleep(600);

        assertThat(stopped.get("state").asString()).isEqualTo("stopped");
        assertThat(stopped.get("total").asInt()).isEqualTo(300);
        assertThat(stopped.get("injected").asInt()).isBetween(2, 5);
        assertThat(control.messageStream(streamId).get("injected").asInt()).isEqualTo(stopped.get("injected").asInt());
    }

    @Test
    void streamEndsAsFailedWhenTheSessionEnds() throws Exception {
        String accountId = control.createAccount(Map.of("friends", 1, "groups", 0)).get("accountId").asString();
        new RawClient(simulator.simulator()).login(accountId);

        String streamId = control.startMessageStream(accountId, 10, 30, Map.of("from", 0, "text", "hi")).get("streamId").asString();
        Thread.sleep(300);
        control.logout(accountId);
        JsonNode failed = awaitEnd(streamId);

        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).contains("not logged in");
        assertThat(failed.get("injected").asInt()).isLessThan(300);
    }

    @Test
    void badStreamsAreRejectedBeforeAnythingIsInjected() {
        String accountId = control.createAccount(Map.of("friends", 1, "groups", 0)).get("accountId").asString();

        assertThatThrownBy(() -> control.startMessageStream(accountId, 0, 10, Map.of("from", 0, "text", "x")))
                .hasMessageContaining("400");
        assertThatThrownBy(() -> control.startMessageStream(accountId, 5, 10, Map.of("from", 0, "text", "x")))
                .hasMessageContaining("409");
        new RawClient(simulator.simulator()).login(accountId);
        assertThatThrownBy(() -> control.startMessageStream(accountId, 5, 10, Map.of("from", "无此人", "text", "x")))
                .hasMessageContaining("404");
        assertThat(control.messageStreams()).noneMatch(stream -> stream.get("accountId").asString().equals(accountId));
    }

    private JsonNode awaitEnd(String streamId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            JsonNode stream = control.messageStream(streamId);
            if (!stream.get("state").asString().equals("running")) {
                return stream;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("stream " + streamId + " never ended");
    }

    private static JsonNode sync(RawClient client, RawClient.Credentials credentials, JsonNode syncKey) {
        var body = Json.object().set("BaseRequest", credentials.baseRequest());
        body.set("SyncKey", syncKey);
        return client.postJson("/cgi-bin/mmwebwx-bin/webwxsync?sid=" + credentials.sid(), body);
    }
}
