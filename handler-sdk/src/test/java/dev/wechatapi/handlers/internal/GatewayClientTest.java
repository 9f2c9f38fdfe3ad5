package dev.wechatapi.handlers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wechatapi.handlers.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripts the gateway's answers, sends through the client, verifies what the gateway saw. */
class GatewayClientTest {

    private static final String APP_ID = "0123456789abcdef0123456789abcdef";

    private final MockWebServer gateway = new MockWebServer();
    private final MovableClock clock = new MovableClock();
    private GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        gateway.start(0);
        client = new GatewayClient(gateway.url("/").uri(), APP_ID, "s3cret&=", clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aTextIsSentWithATokenObtainedFromTheAppCredentials() throws Exception {
        answer(200, "{\"access_token\": \"tok-1\", \"expire_in\": 7200}");
        answer(201, "{\"id\": 4611686018427387905, \"content\": {\"text\": \"echo: 你好 👋\"}}");

        long id = client.sendText("friend00puid", "echo: 你好 👋");

        assertThat(id).isEqualTo(4611686018427387905L);
        RecordedRequest token = gateway.takeRequest();
        assertThat(token.getMethod()).isEqualTo("GET");
        assertThat(token.getUrl().encodedPath()).isEqualTo("/access_token");
        assertThat(token.getUrl().queryParameter("app_id")).isEqualTo(APP_ID);
        assertThat(token.getUrl().queryParameter("app_secret")).isEqualTo("s3cret&=");
        RecordedRequest send = gateway.takeRequest();
        assertThat(send.getMethod()).isEqualTo("POST");
        assertThat(send.getUrl().encodedPath()).isEqualTo("/send-message");
        assertThat(send.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(send.getBody().utf8())
                .isEqualTo("{\"type\":\"text\",\"puid\":\"friend00puid\",\"text\":\"echo: 你好 👋\"}");
    }

    @Test
    void theTokenIsReusedAndRenewedBeforeItExpires() throws Exception {
        answer(200, "{\"access_token\": \"tok-1\", \"expire_in\": 100}");
        answer(201, "{\"id\": 1}");
        answer(201, "{\"id\": 2}");
        answer(200, "{\"access_token\": \"tok-2\", \"expire_in\": 100}");
        answer(201, "{\"id\": 3}");

        client.sendText("p", "one");
        clock.advance(Duration.ofSeconds(79));
        client.sendText("p", "two");
        clock.advance(Duration.ofSeconds(1));
        client.sendText("p", "three");

        assertThat(pathAndToken(5)).containsExactly(
                "/access_token", "/send-message Bearer tok-1", "/send-message Bearer tok-1",
                "/access_token", "/send-message Bearer tok-2");
    }

    @Test
    void aRejectedTokenIsRenewedAndTheSendRepeatedOnce() throws Exception {
        answer(200, "{\"access_token\": \"tok-1\", \"expire_in\": 7200}");
        answer(401, "{\"errmsg\": \"无效的token或已过期!\", \"code\": \"invalid_token\"}");
        answer(200, "{\"access_token\": \"tok-2\", \"expire_in\": 7200}");
        answer(201, "{\"id\": 7}");

        assertThat(client.sendText("p", "hi")).isEqualTo(7);

        assertThat(pathAndToken(4)).containsExactly(
                "/access_token", "/send-message Bearer tok-1", "/access_token", "/send-message Bearer tok-2");
    }

    @Test
    void aRefusedSendCarriesTheContractsErrorText() {
        answer(200, "{\"access_token\": \"tok-1\", \"expire_in\": 7200}");
        answer(400, "{\"errmsg\": \"微信号不在线!\", \"code\": \"account_offline\"}");

        assertThatThrownBy(() -> client.sendText("p", "hi"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errmsg()).isEqualTo("微信号不在线!");
                });
    }

    @Test
    void wrongCredentialsAreAGatewayExceptionWithTheListedErrors() {
        answer(400, "{\"errmsg\": [\"无效的app\"], \"code\": \"invalid_app\"}");

        assertThatThrownBy(() -> client.sendText("p", "hi"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errmsg()).isEqualTo("无效的app");
                });
    }

    @Test
    void anUnreachableGatewayIsAGatewayExceptionWithoutStatus() {
        gateway.close();

        assertThatThrownBy(() -> client.sendText("p", "hi"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isZero());
    }

    private void answer(int status, String json) {
        gateway.enqueue(new MockResponse(status, Headers.of("Content-Type", "application/json; charset=utf-8"), json));
    }

    private java.util.List<String> pathAndToken(int requests) throws InterruptedException {
        var seen = new java.util.ArrayList<String>();
        for (int i = 0; i < requests; i++) {
            RecordedRequest request = gateway.takeRequest();
            String auth = request.getHeaders().get("Authorization");
            seen.add(request.getUrl().encodedPath() + (auth == null ? "" : " " + auth));
        }
        return seen;
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T02:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
