package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;
import static dev.wechatapi.gateway.GatewayTestEnvironment.SESSION_SERVICE;

import dev.wechatapi.gateway.apps.NewApp;
import dev.wechatapi.testsupport.TestRedis;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A running gateway on a random port in front of the fake services, with real MariaDB and Redis. Subclasses that
 * add no configuration share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"wechat.gateway.response-timeout=1s", "wechat.gateway.link-secret=" + GatewayTest.LINK_SECRET,
        "wechat.gateway.admin-token=" + GatewayTest.ADMIN_TOKEN, "wechat.gateway.max-upload-size=256KB",
        "wechat.media.link-secrets=" + GatewayTest.MEDIA_LINK_SECRET + "," + GatewayTest.OLD_MEDIA_LINK_SECRET})
abstract class GatewayTest {

  static final String LINK_SECRET = "test-link-secret";
  static final String ADMIN_TOKEN = "test-admin-token-0123456789";
  static final String MEDIA_LINK_SECRET = "test-media-link-secret-0123456789abcdef";
  static final String OLD_MEDIA_LINK_SECRET = "test-old-media-link-secret-0123456789";

  @LocalServerPort int port;

  WebTestClient client;

  @DynamicPropertySource
  static void gatewayProperties(DynamicPropertyRegistry registry) {
    GatewayTestEnvironment.register(registry, GatewayTestEnvironment.urlOf(SESSION_SERVICE),
        GatewayTestEnvironment.urlOf(ARCHIVE_SERVICE), TestRedis.port());
  }

  @BeforeEach
  void connectAndForgetEarlierRequests() throws InterruptedException {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20))
        .build();
    GatewayTestEnvironment.drain(SESSION_SERVICE);
    GatewayTestEnvironment.drain(ARCHIVE_SERVICE);
  }

  NewApp newApp() {
    return GatewayTestEnvironment.newApp();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json;charset=UTF-8")
        .body(body).build();
  }

  String accessTokenFor(NewApp app) {
    Map<String, Object> body = client.get()
        .uri(b -> b.path("/access_token").queryParam("app_id", app.appId()).queryParam("app_secret", app.appSecret())
            .build())
        .exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
    return (String) body.get("access_token");
  }
}
