package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;

import dev.wechatapi.gateway.apps.NewApp;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"wechat.gateway.token-lifetime=4s", "wechat.gateway.token-grace=1s"})
class ShortLivedTokensTest extends GatewayTest {

  private static final String INVALID_TOKEN = "{\"errmsg\":\"无效的token或已过期!\",\"code\":\"invalid_token\"}";

  @Test
  void tokenStopsWorkingWhenItsLifetimeIsOver() throws InterruptedException {
    String token = accessTokenFor(newApp());
    ARCHIVE_SERVICE.enqueue(new MockResponse.Builder().body("{}").build());
    client.get().uri("/friends?access_token={token}", token).exchange().expectStatus().isOk();

    Thread.sleep(4_300);

    client.get().uri("/friends?access_token={token}", token).exchange()
        .expectStatus().isUnauthorized().expectBody().json(INVALID_TOKEN, true);
  }

  @Test
  void previousTokenWorksDuringTheGracePeriodAndNotAfter() throws InterruptedException {
    NewApp app = newApp();
    String previous = accessTokenFor(app);
    String current = accessTokenFor(app);
    ARCHIVE_SERVICE.enqueue(new MockResponse.Builder().body("{}").build());
    ARCHIVE_SERVICE.enqueue(new MockResponse.Builder().body("{}").build());

    client.get().uri("/friends?access_token={token}", previous).exchange().expectStatus().isOk();

    Thread.sleep(1_300);

    client.get().uri("/friends?access_token={token}", previous).exchange()
        .expectStatus().isUnauthorized().expectBody().json(INVALID_TOKEN, true);
    client.get().uri("/friends?access_token={token}", current).exchange().expectStatus().isOk();
  }

  @Test
  void expireInReportsTheConfiguredLifetime() {
    NewApp app = newApp();

    client.get().uri("/access_token?app_id={id}&app_secret={secret}", app.appId(), app.appSecret()).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.expire_in").isEqualTo(4);
  }
}
