package dev.wechatapi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.PublicEndpoints.Endpoint;
import dev.wechatapi.gateway.apps.NewApp;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every forwarded endpoint ({@link PublicEndpoints}) answers in the contract's shapes: the service's success and
 * error answers pass through unchanged, a missing, invalid or stale credential is refused before any service sees
 * the call, and a service that fails mid-call makes a 503 with Retry-After, never a 500.
 */
class ForwardedEndpointsTest extends GatewayTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.wechatapi.gateway.PublicEndpoints#forwarded")
  void theServicesSuccessAnswerPassesThroughWithItsStatus(Endpoint endpoint) throws Exception {
    String token = accessTokenFor(newApp());
    String answer = endpoint.successAnswer();
    endpoint.service().enqueue(json(endpoint.status(), answer));

    byte[] body = PublicEndpoints.call(client, endpoint, new LinkedMultiValueMap<>(), bearer(token))
        .expectStatus().isEqualTo(endpoint.status())
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody().returnResult().getResponseBody();

    JsonNode received = MAPPER.readTree(body);
    if (endpoint.path().equals("/login")) {
      // The one answer the gateway rewrites: qrcode becomes its own signed link.
      String uuid = received.path("uuid").asString();
      assertThat(received.path("status").asString()).isEqualTo("0");
      assertThat(received.path("qrcode").asString()).startsWith("http://localhost:" + port + "/qrcode/" + uuid + "?");
    } else {
      assertThat(received).isEqualTo(MAPPER.readTree(answer));
    }
    assertThat(endpoint.service().takeRequest(5, TimeUnit.SECONDS)).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.wechatapi.gateway.PublicEndpoints#forwarded")
  void theServicesErrorAnswerPassesThroughUnchanged(Endpoint endpoint) throws Exception {
    String token = accessTokenFor(newApp());
    endpoint.service().enqueue(json(endpoint.errorStatus(), endpoint.error()));

    PublicEndpoints.call(client, endpoint, new LinkedMultiValueMap<>(), bearer(token))
        .expectStatus().isEqualTo(endpoint.errorStatus())
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody().json(endpoint.error(), true);

    RecordedRequest forwarded = endpoint.service().takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.getUrl().encodedPath()).isEqualTo(endpoint.path());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.wechatapi.gateway.PublicEndpoints#forwarded")
  void aMissingInvalidOrStaleCredentialIsRefusedBeforeAnyService(Endpoint endpoint) throws Exception {
    NewApp app = newApp();
    String stale = Long.toString(Instant.now().getEpochSecond() - 3600);

    PublicEndpoints.call(client, endpoint, new LinkedMultiValueMap<>(), new HttpHeaders())
        .expectStatus().isUnauthorized()
        .expectBody().json("{\"errmsg\":\"无效的身份信息!\",\"code\":\"unauthenticated\"}", true);
    PublicEndpoints.call(client, endpoint, query("access_token", "not-a-token"), new HttpHeaders())
        .expectStatus().isUnauthorized()
        .expectBody().json("{\"errmsg\":\"无效的token或已过期!\",\"code\":\"invalid_token\"}", true);
    PublicEndpoints.call(client, endpoint, new LinkedMultiValueMap<>(), bearer("not-a-token"))
        .expectStatus().isUnauthorized()
        .expectBody().json("{\"errmsg\":\"无效的token或已过期!\",\"code\":\"invalid_token\"}", true);
    PublicEndpoints.call(client, endpoint, query("app_id", app.appId(), "timestamp", stale, "signature",
            SignatureAuthenticationTest.sign(app.token(), stale)), new HttpHeaders())
        .expectStatus().isUnauthorized()
        .expectBody().json("{\"errmsg\":\"时间戳无效或已过期!\",\"code\":\"stale_timestamp\"}", true);
    PublicEndpoints.call(client, endpoint, query("app_id", app.appId(), "timestamp", now(), "signature",
            "0".repeat(40)), new HttpHeaders())
        .expectStatus().isUnauthorized()
        .expectBody().json("{\"errmsg\":\"无效的签名!\",\"code\":\"invalid_signature\"}", true);

    assertThat(endpoint.service().takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
    assertThat(endpoint.otherService().takeRequest(1, TimeUnit.MILLISECONDS)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.wechatapi.gateway.PublicEndpoints#forwarded")
  void aServiceDroppingTheConnectionMakesA503WithRetryAfter(Endpoint endpoint) {
    String token = accessTokenFor(newApp());
    endpoint.service().enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

    PublicEndpoints.call(client, endpoint, new LinkedMultiValueMap<>(), bearer(token))
        .expectStatus().isEqualTo(503)
        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody().jsonPath("$.code").isEqualTo("backend_unavailable").jsonPath("$.errmsg").isNotEmpty();
  }

  private static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return headers;
  }

  private static MultiValueMap<String, String> query(String... namesAndValues) {
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return query;
  }

  private static String now() {
    return Long.toString(Instant.now().getEpochSecond());
  }
}
