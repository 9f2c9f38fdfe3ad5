package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;
import static dev.wechatapi.gateway.GatewayTestEnvironment.SESSION_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RoutingErrorsTest extends GatewayTest {

  @Test
  void unknownPathIsNotFoundInTheContractShape() {
    client.get().uri("/nothing-here").exchange()
        .expectStatus().isNotFound()
        .expectBody().json("{\"errmsg\":\"未找到。\",\"code\":\"not_found\"}", true);
    client.delete().uri("/v2/friends?access_token=x").exchange()
        .expectStatus().isNotFound()
        .expectBody().jsonPath("$.code").isEqualTo("not_found");
  }

  @Test
  void healthIsPublic() {
    client.get().uri("/actuator/health").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP");
  }

  @Test
  void serviceSlowerThanTheResponseTimeoutIsUnavailableWithRetryAfter() {
    String token = accessTokenFor(newApp());
    ARCHIVE_SERVICE.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());

    client.get().uri("/friends?access_token={token}", token).exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
        .expectBody().jsonPath("$.code").isEqualTo("backend_unavailable").jsonPath("$.errmsg").isNotEmpty();
  }

  @Test
  void serviceDroppingTheConnectionIsUnavailable() {
    String token = accessTokenFor(newApp());
    SESSION_SERVICE.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

    client.get().uri("/check-login?uuid=abc&access_token={token}", token).exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().exists(HttpHeaders.RETRY_AFTER)
        .expectBody().jsonPath("$.code").isEqualTo("backend_unavailable");
  }

  @Test
  void malformedPercentEscapeIsABadRequestInTheContractShape() throws IOException {
    // java.net.URI refuses to build such a URL, so the request is written by hand.
    String response = rawRequest("GET /friends?name=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 400 ")
        .containsIgnoringCase("content-type: application/json")
        .endsWith("{\"errmsg\":\"请求无效。\",\"code\":\"bad_request\"}");
  }

  private String rawRequest(String request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void hugeQueryIsRefusedInTheContractShape() {
    client.get().uri("/friends?name={name}", "长".repeat(10_000)).exchange()
        .expectStatus().isEqualTo(414)
        .expectBody().jsonPath("$.code").isEqualTo("uri_too_long");
  }
}
