package dev.wechatapi.archive.webhooks;

import static dev.wechatapi.archive.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookIsolationTest extends WebhookTest {

    private static final Instant T0 = Instant.parse("2024-07-02T02:00:00Z");

    @Test
    void aSlowEndpointOfOneAppDoesNotDelayAnotherAppsDeliveries() {
        String slowApp = newAppId();
        String quickApp = newAppId();
        try (WebhookReceiver slow = WebhookReceiver.start().delay(Duration.ofSeconds(5));
                WebhookReceiver quick = WebhookReceiver.start()) {
            setWebhook(slowApp, slow.url());
            setWebhook(quickApp, quick.url());
            for (int i = 1; i <= 12; i++) {
                publishMessage(text(slowApp, i, "f1", "backlog " + i, T0));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> slow.received().size() >= 4);

            Instant published = Instant.now();
            publishMessage(text(quickApp, 100, "f1", "quick 1", T0));
            publishMessage(text(quickApp, 101, "f1", "quick 2", T0));
            await().atMost(Duration.ofSeconds(30)).until(() -> quick.received().size() == 2);

            // Well within one slow answer: nothing of the quick app waited for the slow one.
            assertThat(Duration.between(published, quick.received().get(1).at())).isLessThan(Duration.ofSeconds(3));
            // per-app-concurrency is 4 (the default): the slow app never had more in flight.
            assertThat(slow.maxInFlight()).isEqualTo(4);
            assertThat(slow.received().size()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void anotherAppCanNeitherSeeNorRetryYourDeliveries() {
        String appId = newAppId();
        String otherApp = newAppId();
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(n -> 500)) {
            setWebhook(appId, receiver.url());
            setWebhook(otherApp, receiver.url());
            publishMessage(text(appId, 1, "f1", "mine", T0));
            JsonNode parked = awaitNewestDelivery(appId, "parked");

            assertThat(json(otherApp, "/webhook/deliveries").get("count").asInt()).isZero();
            for (String id : new String[] {parked.get("id").asString(), "999999999", "abc"}) {
                web.post().uri("/webhook/deliveries/" + id + "/retry").header("X-Wechat-App-Id", otherApp)
                        .exchange()
                        .expectStatus().isNotFound()
                        .expectBody()
                        .jsonPath("$.errmsg").isEqualTo("未找到。")
                        .jsonPath("$.code").isEqualTo("not_found");
            }
            assertThat(awaitNewestDelivery(appId, "parked").get("attempts").asInt()).isEqualTo(3);
        }
    }

    @Test
    void theDeliveryLogIsPagedNewestFirstWithAbsoluteLinks() {
        String appId = newAppId();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            setWebhook(appId, receiver.url());
            for (int i = 1; i <= 3; i++) {
                publishMessage(text(appId, i, "f1", "page " + i, T0.plusSeconds(i)));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> json(appId, "/webhook/deliveries?status=delivered").get("count").asInt() == 3);

            get(appId, "/webhook/deliveries?status=delivered&page_size=2&page=2").expectStatus().isOk().expectBody()
                    .jsonPath("$.count").isEqualTo(3)
                    .jsonPath("$.results.length()").isEqualTo(1)
                    .jsonPath("$.results[0].message_id").isEqualTo(1)
                    .jsonPath("$.next").isEmpty()
                    .jsonPath("$.previous").value(link -> assertThat((String) link)
                            .matches("http://localhost:\\d+/webhook/deliveries\\?status=delivered&page_size=2"));
            get(appId, "/webhook/deliveries?page_size=2").expectBody()
                    .jsonPath("$.results[0].message_id").isEqualTo(3)
                    .jsonPath("$.results[1].message_id").isEqualTo(2);
            get(appId, "/webhook/deliveries?status=lost").expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.code").isEqualTo("invalid_parameter")
                    .jsonPath("$.errmsg").isEqualTo("status: must be one of retrying, delivered, parked");
            get(appId, "/webhook/deliveries?page=9").expectStatus().isNotFound().expectBody()
                    .jsonPath("$.code").isEqualTo("invalid_page");
        }
    }
}
