package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;
import static dev.wechatapi.gateway.GatewayTestEnvironment.SESSION_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.apps.NewApp;
import dev.wechatapi.media.FileSystemMediaStore;
import dev.wechatapi.media.StoredMedia;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

@TestPropertySource(properties = {
    "wechat.gateway.rate-limits.archive.replenish-rate=1", "wechat.gateway.rate-limits.archive.burst-capacity=2",
    "wechat.gateway.rate-limits.media.replenish-rate=1", "wechat.gateway.rate-limits.media.burst-capacity=2",
    "wechat.gateway.cors.allowed-origins=https://desk.example.com"})
class RateLimitTest extends GatewayTest {

  private static final String RATE_LIMITED = "{\"errmsg\":\"请求过于频繁，请稍后重试。\",\"code\":\"rate_limited\"}";

  @BeforeEach
  void servicesAlwaysAnswer() {
    Dispatcher ok = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(200, "{}");
      }
    };
    ARCHIVE_SERVICE.setDispatcher(ok);
    SESSION_SERVICE.setDispatcher(ok);
  }

  @AfterEach
  void servicesAnswerFromTheirQueuesAgain() {
    ARCHIVE_SERVICE.setDispatcher(new QueueDispatcher());
    SESSION_SERVICE.setDispatcher(new QueueDispatcher());
  }

  @Test
  void callsBeyondTheBurstAreRateLimitedInTheContractShapeWithRetryAfter() {
    String token = accessTokenFor(newApp());

    List<EntityExchangeResult<String>> results = friends(token, 5);

    // The bucket holds 2 and refills 1 per second, so of 5 quick calls at most 3 pass.
    assertThat(results.subList(0, 2)).allSatisfy(r -> assertThat(r.getStatus().value()).isEqualTo(200));
    assertThat(results.get(0).getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("1");
    List<EntityExchangeResult<String>> refused =
        results.stream().filter(r -> r.getStatus().value() == 429).toList();
    assertThat(refused).hasSizeGreaterThanOrEqualTo(2).allSatisfy(r -> {
      assertThat(r.getResponseBody()).isEqualTo(RATE_LIMITED);
      assertThat(r.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    });
  }

  @Test
  void eachAppAndEachRouteGroupHasItsOwnBucket() {
    String limited = accessTokenFor(newApp());
    friends(limited, 5);

    assertThat(friends(accessTokenFor(newApp()), 1).getFirst().getStatus().value()).isEqualTo(200);
    client.get().uri("/status?access_token={token}", limited).exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "100");
  }

  @Test
  void allowedOriginGetsCorsHeadersAndOthersAreRefusedInTheContractShape() {
    client.options().uri("/friends")
        .header(HttpHeaders.ORIGIN, "https://desk.example.com")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://desk.example.com");

    client.get().uri("/friends").header(HttpHeaders.ORIGIN, "https://evil.example").exchange()
        .expectStatus().isForbidden()
        .expectBody().json("{\"code\":\"cors_rejected\"}");
  }

  @Test
  void mediaServedByTheGatewayIsRateLimitedPerAppInItsOwnBucket() {
    NewApp app = newApp();
    String token = accessTokenFor(app);
    StoredMedia media = new FileSystemMediaStore(GatewayTestEnvironment.MEDIA_ROOT)
        .put(app.appId(), new ByteArrayInputStream(new byte[] {1, 2, 3}), "image/png", null);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      statuses.add(client.get().uri("/media/{id}?access_token={token}", media.mediaId(), token).exchange()
          .expectBody(String.class).returnResult().getStatus().value());
    }

    assertThat(statuses.subList(0, 2)).containsOnly(200);
    assertThat(statuses).filteredOn(status -> status == 429).hasSizeGreaterThanOrEqualTo(2);
    assertThat(friends(token, 1).getFirst().getStatus().value()).isEqualTo(200);
  }

  private List<EntityExchangeResult<String>> friends(String token, int calls) {
    List<EntityExchangeResult<String>> results = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      results.add(client.get().uri("/friends?access_token={token}", token).exchange()
          .expectBody(String.class).returnResult());
    }
    return results;
  }
}
