package dev.wechatapi.archive.webhooks;

import static dev.wechatapi.archive.TestEvents.received;
import static dev.wechatapi.archive.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookDeliveryTest extends WebhookTest {

    private static final Instant T0 = Instant.parse("2024-07-01T02:00:00Z");

    @Test
    void aReceivedMessageIsPostedInTheMessagesShapeSignedWithTheAppsSecret() throws Exception {
        String appId = newAppId();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String secret = setWebhook(appId, receiver.url());
            publishMessage(text(appId, 9_007_199_254_740_993L, "f1", "你好 🌏", T0));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received request = receiver.received().getFirst();
            long timestamp = Long.parseLong(request.header("X-Wechat-Timestamp"));
            assertThat(timestamp).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
            // The receiver's check, as README.md documents it.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            assertThat(request.header("X-Wechat-Signature"))
                    .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body())));
            assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(request.header("X-Wechat-Event")).isEqualTo("wechat.message.received.v1");

            JsonNode body = JSON.readTree(request.body());
            assertThat(body).isEqualTo(json(appId, "/messages").get("results").get(0));
            assertThat(body.get("id_str").asString()).isEqualTo("9007199254740993");
            assertThat(body.get("content").get("text").asString()).isEqualTo("你好 🌏");

            JsonNode delivery = awaitNewestDelivery(appId, "delivered");
            assertThat(request.header("X-Wechat-Delivery")).isEqualTo(delivery.get("id").asString());
            assertThat(delivery.get("message_id_str").asString()).isEqualTo("9007199254740993");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("last_status_code").asInt()).isEqualTo(200);
            assertThat(delivery.get("last_error").isNull()).isTrue();
            assertThat(delivery.get("delivered").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        }
    }

    @Test
    void aSentMessageIsPostedWithItsEventTypeAndMediaUrlsOfTheConfiguredGateway() {
        String appId = newAppId();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            setWebhook(appId, receiver.url());
            MessageContent picture = new MessageContent(null, null, null, null, null, null, null, null, null, "img-7",
                    480, 640, null, null, null, null, null);
            publishMessage(new MessageEvent(appId, 77, Direction.SENT, MessageType.Picture, 3,
                    new Party(TestEvents.SELF, ContactKind.FRIEND, "我自己"), new Party("f1", ContactKind.FRIEND, "f1"),
                    null, null, false, picture, T0, T0));

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received request = receiver.received().getFirst();
            assertThat(request.header("X-Wechat-Event")).isEqualTo("wechat.message.sent.v1");
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("content").get("image").asString())
                    .isEqualTo("https://gw.example.com/wechat/media/img-7");
            assertThat(body.get("sender_puid").asString()).isEqualTo(TestEvents.SELF);
        }
    }

    @Test
    void aFlakyEndpointIsRetriedUntilItAccepts() {
        String appId = newAppId();
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(n -> n <= 2 ? 503 : 200)) {
            setWebhook(appId, receiver.url());
            publishMessage(text(appId, 1, "f1", "flaky", T0));

            JsonNode delivery = awaitNewestDelivery(appId, "delivered");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.get("last_status_code").asInt()).isEqualTo(200);
            assertThat(receiver.received()).hasSize(3);
            // Every attempt is the same delivery, each signed at its own time.
            assertThat(receiver.received()).extracting(request -> request.header("X-Wechat-Delivery")).containsOnly(
                    delivery.get("id").asString());
        }
    }

    @Test
    void aDeliveryIsParkedAfterTheLastAttemptAndCanBeRetriedByHand() {
        String appId = newAppId();
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(n -> 500)) {
            setWebhook(appId, receiver.url());
            publishMessage(text(appId, 2, "f1", "always failing", T0));

            JsonNode parked = awaitNewestDelivery(appId, "parked");
            // max-attempts is 3 in the tests.
            assertThat(parked.get("attempts").asInt()).isEqualTo(3);
            assertThat(parked.get("last_status_code").asInt()).isEqualTo(500);
            assertThat(parked.get("last_error").asString()).isEqualTo("HTTP 500");
            assertThat(parked.get("next_attempt").isNull()).isTrue();
            assertThat(json(appId, "/webhook/deliveries?status=parked").get("count").asInt()).isEqualTo(1);
            assertThat(json(appId, "/webhook/deliveries?status=retrying").get("count").asInt()).isZero();

            receiver.answer(n -> 204);
            web.post().uri("/webhook/deliveries/" + parked.get("id").asString() + "/retry")
                    .header("X-Wechat-App-Id", appId)
                    .exchange()
                    .expectStatus().isAccepted()
                    .expectBody()
                    .jsonPath("$.id").isEqualTo(parked.get("id").asLong())
                    .jsonPath("$.attempts").isEqualTo(0);

            JsonNode delivered = awaitNewestDelivery(appId, "delivered");
            assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivered.get("last_status_code").asInt()).isEqualTo(204);
            assertThat(receiver.received()).hasSize(4);
            web.post().uri("/webhook/deliveries/" + parked.get("id").asString() + "/retry")
                    .header("X-Wechat-App-Id", appId)
                    .exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("not_parked");
        }
    }

    @Test
    void aReplayedEventMakesNoSecondDelivery() throws Exception {
        String appId = newAppId();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            setWebhook(appId, receiver.url());
            MessageEvent message = text(appId, 3, "f1", "only once", T0);
            publishMessage(message);
            awaitNewestDelivery(appId, "delivered");

            publishMessage(message);
            // A later message of the same partition: once it is delivered, the replay has been ingested too.
            publishMessage(text(appId, 4, "f1", "after the replay", T0.plusSeconds(1)));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 2);
            Thread.sleep(500);

            assertThat(json(appId, "/webhook/deliveries").get("count").asInt()).isEqualTo(2);
            assertThat(receiver.received()).extracting(request -> JSON.readTree(request.body()).get("id").asLong())
                    .containsExactlyInAnyOrder(3L, 4L);
        }
    }

    @Test
    void messagesOfAnAppWithoutWebhookAreNotQueued() {
        String appId = newAppId();
        publishMessage(text(appId, 5, "f1", "nobody listens", T0));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> json(appId, "/messages").get("count").asInt() == 1);

        assertThat(json(appId, "/webhook/deliveries").get("count").asInt()).isZero();
    }

    @Test
    void removingTheWebhookParksWhatIsStillPending() {
        String appId = newAppId();
        // Slow, so the first attempt is still in flight when the webhook goes.
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(n -> 503).delay(Duration.ofSeconds(2))) {
            setWebhook(appId, receiver.url());
            publishMessage(received(appId, 6, MessageType.Text, 1, new Party("f1", ContactKind.FRIEND, "f1"), null,
                    false, MessageContent.text("pending"), T0));
            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());

            web.delete().uri("/webhook").header("X-Wechat-App-Id", appId).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.msg").isEqualTo("删除成功!");

            JsonNode parked = awaitNewestDelivery(appId, "parked");
            assertThat(parked.get("last_error").asString()).isEqualTo("webhook removed");
            web.post().uri("/webhook/deliveries/" + parked.get("id").asString() + "/retry")
                    .header("X-Wechat-App-Id", appId)
                    .exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("no_webhook");
        }
    }
}
