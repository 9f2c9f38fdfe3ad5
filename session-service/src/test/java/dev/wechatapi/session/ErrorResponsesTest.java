package dev.wechatapi.session;

import org.junit.jupiter.api.Test;
import org.springframework.test.json.JsonCompareMode;

class ErrorResponsesTest extends SessionServiceTest {

    @Test
    void aRequestWithoutTheGatewaysAppIdIsUnauthenticated() {
        for (String path : new String[] {"/login", "/status", "/check-login?uuid=x"}) {
            client.get().uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().json("{\"errmsg\": \"无效的身份信息!\", \"code\": \"unauthenticated\"}",
                            JsonCompareMode.STRICT);
        }
        client.post().uri("/send-message").bodyValue(java.util.Map.of("type", "text")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownPathIsA404InTheContractsShape() {
        client.get().uri("/no-such-thing").header("X-Wechat-App-Id", newAppId()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/json")
                .expectBody().json("{\"code\": \"not_found\"}").jsonPath("$.errmsg").isNotEmpty();
    }

    @Test
    void aWrongMethodIsA405InTheContractsShape() {
        client.get().uri("/send-message").header("X-Wechat-App-Id", newAppId()).exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().json("{\"code\": \"method_not_allowed\"}");
    }
}
