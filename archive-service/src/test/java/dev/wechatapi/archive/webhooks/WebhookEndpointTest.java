package dev.wechatapi.archive.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class WebhookEndpointTest extends WebhookTest {

    @Test
    void anAppWithoutWebhookGets404() {
        String appId = newAppId();
        get(appId, "/webhook").expectStatus().isNotFound().expectBody()
                .jsonPath("$.errmsg").isEqualTo("未找到。")
                .jsonPath("$.code").isEqualTo("not_found");
        web.delete().uri("/webhook").header("X-Wechat-App-Id", appId).exchange().expectStatus().isNotFound();
    }

    @Test
    void theSecretIsCreatedOnceKeptByLaterPutsAndReplacedOnlyOnRequest() {
        String appId = newAppId();
        String first = setWebhook(appId, "https://hooks.example.com/a");
        assertThat(first).matches("[0-9a-f]{64}");

        JsonNode changed = put(appId, "{\"url\": \"https://hooks.example.com/b\"}");
        assertThat(changed.get("secret").asString()).isEqualTo(first);
        assertThat(changed.get("url").asString()).isEqualTo("https://hooks.example.com/b");

        JsonNode rotated = put(appId, "{\"url\": \"https://hooks.example.com/b\", \"rotate_secret\": true}");
        assertThat(rotated.get("secret").asString()).matches("[0-9a-f]{64}").isNotEqualTo(first);

        JsonNode shown = json(appId, "/webhook");
        assertThat(shown.get("url").asString()).isEqualTo("https://hooks.example.com/b");
        assertThat(shown.has("secret")).isFalse();
        assertThat(shown.get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(shown.get("updated").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");

        web.delete().uri("/webhook").header("X-Wechat-App-Id", appId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.msg").isEqualTo("删除成功!");
        get(appId, "/webhook").expectStatus().isNotFound();
        assertThat(setWebhook(appId, "https://hooks.example.com/c")).isNotEqualTo(rotated.get("secret").asString());
    }

    @Test
    void anotherAppsWebhookIsNotYours() {
        String appId = newAppId();
        setWebhook(appId, "https://hooks.example.com/mine");
        get(newAppId(), "/webhook").expectStatus().isNotFound();
    }

    @Test
    void badSettingsAre400InTheContractShape() {
        String appId = newAppId();
        String notAnObject = "body: must be a JSON object such as {\"url\": \"https://example.com/hook\"}";
        Map<String, String> refusals = Map.of(
                "not json", notAnObject,
                "[\"https://hooks.example.com\"]", notAnObject,
                "", notAnObject,
                "{}", "url: is required",
                "{\"url\": 42}", "url: must be a string",
                "{\"url\": \"ftp://files.example.com/hook\"}", "url: must be an absolute http or https URL",
                "{\"url\": \"/relative/hook\"}", "url: must be an absolute http or https URL",
                "{\"url\": \"https://exa mple.com/\"}", "url: must be an absolute http or https URL",
                "{\"url\": \"https://hooks.example.com/" + "a".repeat(2000) + "\"}",
                "url: must be at most 2000 characters",
                "{\"url\": \"https://hooks.example.com\", \"rotate_secret\": \"yes\"}",
                "rotate_secret: must be true or false");
        refusals.forEach((body, errmsg) -> web.put().uri("/webhook").header("X-Wechat-App-Id", appId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.errmsg").isEqualTo(errmsg)
                .jsonPath("$.code").value(code -> assertThat((String) code).isIn("invalid_body", "invalid_parameter")));
        get(appId, "/webhook").expectStatus().isNotFound();
    }

    @Test
    void aBodyFarLargerThanAnyUrlIs413() {
        web.put().uri("/webhook").header("X-Wechat-App-Id", newAppId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\": \"https://hooks.example.com/" + "a".repeat(300_000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("payload_too_large");
    }

    @Test
    void withoutTheGatewaysAppIdEveryWebhookEndpointIs401() {
        web.get().uri("/webhook").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errmsg").isEqualTo("无效的身份信息!");
        web.put().uri("/webhook").bodyValue(Map.of("url", "https://hooks.example.com")).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/webhook/deliveries").exchange().expectStatus().isUnauthorized();
        web.post().uri("/webhook/deliveries/1/retry").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode put(String appId, String body) {
        return JSON.readTree(web.put().uri("/webhook").header("X-Wechat-App-Id", appId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }
}
