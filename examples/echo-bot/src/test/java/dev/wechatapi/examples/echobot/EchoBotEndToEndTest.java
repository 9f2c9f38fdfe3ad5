package dev.wechatapi.examples.echobot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.handlers.HandlerRunner;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.testsupport.LocalStack;
import dev.wechatapi.testsupport.StackOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as separate processes (Kafka, the simulator, the three services), an app created with the
 * gateway CLI and logged in on the simulated phone; the echo bot runs in this JVM against them.
 */
class EchoBotEndToEndTest {

    private static final Duration ASYNC = Duration.ofSeconds(30);
    private static final String FRIEND = "小明😀";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static HandlerRunner bot;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.start(StackOptions.forTests());
    }

    @AfterAll
    static void stopEverything() {
        if (bot != null) {
            bot.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aTextFromAFriendIsAnsweredWithItsEchoAndTheEchoIsNotEchoedAgain() throws Exception {
        String cli = stack.runGatewayCli("createwechatapp", "--name", "echo-bot-" + UUID.randomUUID(), "--token", "t");
        String appId = cliField(cli, "app_id");
        String appSecret = cliField(cli, "app_secret");
        String token = gateway("/access_token", Map.of("app_id", appId, "app_secret", appSecret))
                .get("access_token").asString();
        SimulatorControl phone = new SimulatorControl(URI.create(stack.simulatorUrl()));
        String accountId = phone.createAccount(Map.of("nickName", "回声机器人🤖", "friends", List.of(FRIEND, "李雷"),
                "groups", 0, "mps", 0)).get("accountId").asString();
        logIn(phone, accountId, token);

        bot = EchoBot.runner(new EchoBotConfig(stack.kafkaBootstrapServers(), URI.create(stack.gatewayUrl()), appId,
                appSecret, "echo-bot-e2e")).start();
        assertThat(bot.awaitJoined(ASYNC)).as("the bot joined its consumer group").isTrue();

        phone.sendText(accountId, FRIEND, "你好 👋 在吗?");
        await("the first echo", () -> sentTo(phone, accountId, FRIEND), sent -> sent.size() == 1);
        // Once the second echo is out, the bot has read past the first echo's own event (same partition, in order).
        phone.sendText(accountId, FRIEND, "再来一次 🔁");
        List<String> sent = await("the second echo", () -> sentTo(phone, accountId, FRIEND), s -> s.size() >= 2);

        assertThat(sent).containsExactly("echo: 你好 👋 在吗?", "echo: 再来一次 🔁");
    }

    private static void logIn(SimulatorControl phone, String accountId, String token) {
        String uuid = gateway("/login", Map.of("access_token", token)).get("uuid").asString();
        phone.scanAndConfirm(uuid, accountId);
        await("logged in", () -> gateway("/check-login", Map.of("access_token", token, "uuid", uuid)),
                state -> state.path("status").asString("").equals("200") && state.path("alive").asBoolean(false));
    }

    private static List<String> sentTo(SimulatorControl phone, String accountId, String nickName) {
        return StreamSupport.stream(phone.sent(accountId).spliterator(), false)
                .filter(record -> record.path("toNickName").asString("").equals(nickName))
                .map(record -> record.path("content").asString(""))
                .toList();
    }

    private static JsonNode gateway(String path, Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path + "?" + encoded))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("gateway unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(ASYNC);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }

    private static String cliField(String output, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + ":\\s*(\\S+)\\s*$").matcher(output);
        assertThat(matcher.find()).as("CLI output has " + name + ":\n" + output).isTrue();
        return matcher.group(1);
    }
}
