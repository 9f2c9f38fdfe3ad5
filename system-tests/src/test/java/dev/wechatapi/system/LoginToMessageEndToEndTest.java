package dev.wechatapi.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.testsupport.LocalStack;
import dev.wechatapi.testsupport.StackOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Kafka, the simulator and the three services each run as their own process; the test talks to the gateway only
 * (and to the simulator's control API, playing the user's phone and their friends).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginToMessageEndToEndTest {

    private static final Duration ASYNC = Duration.ofSeconds(30);
    private static final String FRIEND = "小明😀";
    private static final String ACCOUNT = "测试号🚀";

    private static LocalStack stack;
    private static Http gateway;
    private static SimulatorControl simulator;
    private static String token;
    private static String accountId;
    private static String friendPuid;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.start(StackOptions.forTests());
        gateway = new Http(stack.gatewayUrl());
        simulator = new SimulatorControl(URI.create(stack.simulatorUrl()));
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void operatorCreatesAnAppWithTheCliAndTheAppGetsAToken() {
        String output = stack.runGatewayCli("createwechatapp", "--name", "e2e-应用-🎯", "--token", "sign-token");
        String appId = field(output, "app_id");
        String appSecret = field(output, "app_secret");
        assertThat(appId).matches("[0-9a-f]{32}");

        Http.Response response = gateway.get("/access_token", Map.of("app_id", appId, "app_secret", appSecret));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("expire_in").asInt()).isEqualTo(7200);
        token = response.json().get("access_token").asString();
        assertThat(token).isNotBlank();
    }

    @Test
    @Order(2)
    void scanningAndConfirmingTheQrCodeLogsTheAccountIn() {
        accountId = simulator.createAccount(Map.of(
                        "nickName", ACCOUNT, "friends", List.of(FRIEND, "李雷", "韩梅梅🌸"), "groups", 0, "mps", 0))
                .get("accountId")
                .asString();

        JsonNode login = authed("/login", Map.of()).json();
        String uuid = login.get("uuid").asString();
        assertThat(login.get("status").asString()).isEqualTo("0");
        assertThat(checkLogin(uuid).get("status").asString()).isEqualTo("408");
        assertThat(checkLogin(uuid).get("alive").isNull()).isTrue();

        simulator.scan(uuid, accountId);
        JsonNode scanned = Eventually.await("status 201", ASYNC, () -> checkLogin(uuid),
                state -> state.get("status").asString().equals("201"));
        assertThat(scanned.get("avatar").asString()).isNotBlank();

        simulator.confirm(uuid);
        Eventually.await("status 200 and alive", ASYNC, () -> checkLogin(uuid),
                state -> state.get("status").asString().equals("200") && state.get("alive").asBoolean());
    }

    @Test
    @Order(3)
    void friendsAreListedWithTheirEmojiNames() {
        // As in the original, the account itself is listed among the friends.
        JsonNode friends = Eventually.await("three friends and the account", ASYNC,
                () -> authed("/friends", Map.of()).json(), page -> page.path("count").asInt() == 4);

        List<String> names = StreamSupport.stream(friends.get("results").spliterator(), false)
                .map(f -> f.get("nick_name").asString())
                .toList();
        assertThat(names).containsExactlyInAnyOrder(ACCOUNT, FRIEND, "李雷", "韩梅梅🌸");
        JsonNode xiaoming = authed("/friends", Map.of("nick_name", FRIEND)).json();
        assertThat(xiaoming.get("count").asInt()).isEqualTo(1);
        friendPuid = xiaoming.get("results").get(0).get("puid").asString();
    }

    @Test
    @Order(4)
    void aMessageFromAFriendIsArchived() {
        simulator.sendText(accountId, FRIEND, "你好 👋 在吗?");

        JsonNode messages = Eventually.await("the received message", ASYNC,
                () -> authed("/messages", Map.of("sender_puid", friendPuid)).json(),
                page -> page.path("count").asInt() == 1);

        JsonNode message = messages.get("results").get(0);
        assertThat(message.get("content").get("text").asString()).isEqualTo("你好 👋 在吗?");
        assertThat(message.get("msg_type").asString()).isEqualTo("Text");
        assertThat(message.get("type").get("sender").asString()).isEqualTo("wxusermodel");
        assertThat(message.get("member").isNull()).isTrue();
    }

    @Test
    @Order(5)
    void aTextSentThroughTheApiReachesWeChatAndIsArchived() {
        Http.Response sent = gateway.postJson("/send-message", Map.of("access_token", token),
                Map.of("type", "text", "puid", friendPuid, "text", "收到 ✅ 谢谢"));

        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json().get("receiver_puid").asString()).isEqualTo(friendPuid);
        assertThat(sent.json().get("content").get("text").asString()).isEqualTo("收到 ✅ 谢谢");
        assertThat(StreamSupport.stream(simulator.sent(accountId).spliterator(), false)
                        .filter(record -> record.get("toNickName").asString().equals(FRIEND))
                        .map(record -> record.get("content").asString()))
                .containsExactly("收到 ✅ 谢谢");
        JsonNode archived = Eventually.await("the sent message in /messages", ASYNC,
                () -> authed("/messages", Map.of("receiver_puid", friendPuid)).json(),
                page -> page.path("count").asInt() == 1);
        assertThat(archived.get("results").get(0).get("id").asLong()).isEqualTo(sent.json().get("id").asLong());
        assertThat(authed("/messages", Map.of()).json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    @Order(6)
    void aPictureFromAFriendIsArchivedWithItsImageServedByTheGateway() throws Exception {
        simulator.injectMessage(accountId, Map.of("from", FRIEND, "kind", "image", "width", 64, "height", 48));

        JsonNode pictures = Eventually.await("the picture", ASYNC,
                () -> authed("/messages", Map.of("type", "Picture")).json(),
                page -> page.path("count").asInt() == 1);

        JsonNode content = pictures.get("results").get(0).get("content");
        assertThat(content.get("img_width").asInt()).isEqualTo(64);
        String imageUrl = content.get("image").asString();
        assertThat(imageUrl).startsWith(stack.gatewayUrl() + "/media/");
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(imageUrl + (imageUrl.contains("?") ? "&" : "?") + "access_token=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
        assertThat(image.body()).isNotEmpty();
        HttpResponse<byte[]> stranger = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(imageUrl.replaceAll("\\?.*$", ""))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stranger.statusCode()).isIn(401, 403);
    }

    @Test
    @Order(7)
    void badInputOnEveryEndpointGetsTheContractErrorShape() {
        assertError(gateway.get("/access_token", Map.of("app_id", "nope", "app_secret", "nope")), 400);
        assertError(gateway.get("/access_token"), 400);
        assertError(gateway.get("/friends"), 401);
        assertError(gateway.get("/friends", Map.of("access_token", "not-a-token")), 401);
        assertError(authed("/friends", Map.of("sex", "abc")), 400);
        assertError(authed("/friends", Map.of("page", "0")), 400);
        assertError(authed("/friends", Map.of("page", "99999")), 404);
        assertError(authed("/messages", Map.of("type", "Bogus")), 400);
        assertError(authed("/messages", Map.of("create_time", "yesterday")), 400);
        assertError(authed("/messages", Map.of("page_size", "-3")), 400);
        assertError(authed("/check-login", Map.of()), 400);
        assertError(authed("/check-login", Map.of("uuid", "unknown==")), 404);
        assertError(send(Map.of("type", "sticker", "puid", friendPuid)), 400);
        assertError(send(Map.of("type", "text", "puid", friendPuid)), 400);
        assertError(send(Map.of("type", "text", "puid", "nobody", "text", "hi")), 400);
        assertError(send(Map.of("type", "image", "puid", friendPuid)), 400);
        assertError(gateway.postRaw("/send-message", Map.of("access_token", token), "application/json", "{not json"), 400);
        assertError(authed("/no-such-endpoint", Map.of()), 404);
    }

    private Http.Response send(Map<String, String> body) {
        return gateway.postJson("/send-message", Map.of("access_token", token), body);
    }

    private static void assertError(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.has("errmsg")).as(response.toString()).isTrue();
        assertThat(body.get("code").asString()).as(response.toString()).isNotBlank();
    }

    private static JsonNode checkLogin(String uuid) {
        Http.Response response = authed("/check-login", Map.of("uuid", uuid));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Http.Response authed(String path, Map<String, String> query) {
        var withToken = new java.util.HashMap<>(query);
        withToken.put("access_token", token);
        return gateway.get(path, withToken);
    }

    private static String field(String cliOutput, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + ":\\s*(\\S+)\\s*$").matcher(cliOutput);
        assertThat(matcher.find()).as("CLI output has " + name + ":\n" + cliOutput).isTrue();
        return matcher.group(1);
    }
}
