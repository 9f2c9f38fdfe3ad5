package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;
import static dev.wechatapi.gateway.GatewayTestEnvironment.SESSION_SERVICE;

import dev.wechatapi.gateway.apps.NewApp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A gateway whose Redis is unreachable (nothing listens on its port). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnavailableDependenciesTest {

  @LocalServerPort int port;

  WebTestClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    GatewayTestEnvironment.register(registry, GatewayTestEnvironment.urlOf(SESSION_SERVICE),
        GatewayTestEnvironment.urlOf(ARCHIVE_SERVICE), GatewayTestEnvironment.closedPort());
  }

  @BeforeEach
  void connect() {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20))
        .build();
  }

  @Test
  void redisDownMakesRateLimitedCallsUnavailableRatherThanUnlimited() {
    // A signature without nonce needs only the database, so the call gets as far as the rate limiter.
    NewApp app = GatewayTestEnvironment.newApp();
    String timestamp = Long.toString(Instant.now().getEpochSecond());

    client.get().uri("/status?app_id={id}&timestamp={ts}&signature={sig}", app.appId(), timestamp,
            SignatureAuthenticationTest.sign(app.token(), timestamp))
        .exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
        .expectBody().json("{\"code\":\"store_unavailable\"}");
  }

  @Test
  void redisDownMakesTokenIssuingUnavailable() {
    NewApp app = GatewayTestEnvironment.newApp();

    client.get().uri("/access_token?app_id={id}&app_secret={secret}", app.appId(), app.appSecret()).exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().exists(HttpHeaders.RETRY_AFTER)
        .expectBody().json("{\"code\":\"store_unavailable\"}");
  }

  @Test
  void redisDownMakesTokenAuthenticationUnavailable() {
    client.get().uri("/friends?access_token=some-token").exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().exists(HttpHeaders.RETRY_AFTER)
        .expectBody().json("{\"code\":\"store_unavailable\"}");
  }
}
