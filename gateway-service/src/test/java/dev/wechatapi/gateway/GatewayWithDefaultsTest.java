package dev.wechatapi.gateway;

import dev.wechatapi.gateway.PublicEndpoints.Endpoint;
import dev.wechatapi.gateway.apps.NewApp;
import dev.wechatapi.testsupport.TestRedis;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A gateway with only the required settings (no admin token, no CORS origins, no link secret) whose session and
 * archive services are unreachable (nothing listens on their ports).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayWithDefaultsTest {

  @LocalServerPort int port;

  WebTestClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    GatewayTestEnvironment.register(registry, "http://127.0.0.1:" + GatewayTestEnvironment.closedPort(),
        "http://127.0.0.1:" + GatewayTestEnvironment.closedPort(), TestRedis.port());
  }

  @BeforeEach
  void connect() {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20))
        .build();
  }

  @Test
  void unreachableServiceIsUnavailableWithRetryAfter() {
    NewApp app = GatewayTestEnvironment.newApp();
    String timestamp = Long.toString(Instant.now().getEpochSecond());

    client.get().uri("/status?app_id={id}&timestamp={ts}&signature={sig}", app.appId(), timestamp,
            SignatureAuthenticationTest.sign(app.token(), timestamp))
        .exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
        .expectBody().json("{\"code\":\"backend_unavailable\"}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.wechatapi.gateway.PublicEndpoints#forwarded")
  void everyForwardedEndpointOfAnUnreachableServiceIsUnavailableInTheContractShape(Endpoint endpoint) {
    NewApp app = GatewayTestEnvironment.newApp();
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    MultiValueMap<String, String> signature = new LinkedMultiValueMap<>();
    signature.add("app_id", app.appId());
    signature.add("timestamp", timestamp);
    signature.add("signature", SignatureAuthenticationTest.sign(app.token(), timestamp));

    PublicEndpoints.call(client, endpoint, signature, new HttpHeaders())
        .expectStatus().isEqualTo(503)
        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
        .expectBody().jsonPath("$.code").isEqualTo("backend_unavailable").jsonPath("$.errmsg").isNotEmpty();
  }

  @Test
  void adminApiIsNotFoundWithoutAnAdminToken() {
    client.get().uri("/admin/apps").header(HttpHeaders.AUTHORIZATION, "Bearer anything").exchange()
        .expectStatus().isNotFound()
        .expectBody().json("{\"errmsg\":\"未找到。\",\"code\":\"not_found\"}", true);
    client.post().uri("/admin/apps").header(HttpHeaders.AUTHORIZATION, "Bearer ").exchange()
        .expectStatus().isNotFound();
  }

  @Test
  void crossOriginCallsGetNoCorsHeadersWithoutConfiguredOrigins() {
    client.options().uri("/friends")
        .header(HttpHeaders.ORIGIN, "https://desk.example.com")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
        .exchange()
        .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
  }
}
