package dev.wechatapi.archive.webhooks;

import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import java.time.Duration;
import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the webhook tests share: setting an app's webhook, publishing its messages, reading its delivery log. */
abstract class WebhookTest extends ArchiveServiceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Sets the app's webhook; emits its secret. */
    String setWebhook(String appId, String url) {
        byte[] answer = web.put().uri("/webhook").header("X-Wechat-App-Id", appId)
                .bodyValue(Map.of("url", url))
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(answer).get("secret").asString();
    }

    static void publishMessage(MessageEvent message) {
        publish(Topics.MESSAGES, message.appId(), WeChatEvents.messageEvent(message));
    }

    WebTestClient.ResponseSpec get(String appId, String uri) {
        return web.get().uri(uri).header("X-Wechat-App-Id", appId).exchange();
    }

    JsonNode json(String appId, String uri) {
        return JSON.readTree(get(appId, uri).expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    /** The app's newest delivery, once it has the status. */
    JsonNode awaitNewestDelivery(String appId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode results = json(appId, "/webhook/deliveries").get("results");
            return !results.isEmpty() && status.equals(results.get(0).get("status").asString());
        });
        return json(appId, "/webhook/deliveries").get("results").get(0);
    }
}
