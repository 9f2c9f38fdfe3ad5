package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.apps.NewApp;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code wechat.gateway.store=memory}: one gateway without Redis. It holds no Redis client at all, reports itself
 * healthy, and rotation still revokes every token of the app (the other memory-store behaviours run as the
 * {@code MemoryStore*Test} variants of the Redis tests).
 */
@TestPropertySource(properties = {"wechat.gateway.store=memory", "spring.data.redis.port=1"})
class MemoryStoreGatewayTest extends GatewayTest {

  private static final String INVALID_TOKEN = "{\"errmsg\":\"无效的token或已过期!\",\"code\":\"invalid_token\"}";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired ApplicationContext context;

  @Test
  void noRedisClientExistsAndTheGatewayIsHealthy() {
    assertThat(context.getBeanNamesForType(ReactiveRedisConnectionFactory.class)).isEmpty();

    Map<String, Object> health = client.get().uri("/actuator/health").exchange()
        .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();

    assertThat(health).containsEntry("status", "UP");
    assertThat(String.valueOf(health)).doesNotContain("redis");
  }

  @Test
  void rotationRevokesTheCurrentTokenAndTheOneInItsGrace() throws Exception {
    NewApp app = newApp();
    String inGrace = accessTokenFor(app);
    String current = accessTokenFor(app);
    assertWorks(inGrace, app);
    assertWorks(current, app);

    client.post().uri("/admin/apps/{id}/rotate-secret", app.appId())
        .header("Authorization", "Bearer " + ADMIN_TOKEN)
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
        .exchange().expectStatus().isOk();

    for (String revoked : new String[] {inGrace, current}) {
      client.get().uri("/friends?access_token={token}", revoked).exchange()
          .expectStatus().isUnauthorized().expectBody().json(INVALID_TOKEN, true);
    }
  }

  private void assertWorks(String token, NewApp app) throws InterruptedException {
    ARCHIVE_SERVICE.enqueue(json(200, "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}"));
    client.get().uri("/friends?access_token={token}", token).exchange().expectStatus().isOk();
    RecordedRequest forwarded = ARCHIVE_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.getHeaders().values("X-Wechat-App-Id")).containsExactly(app.appId());
  }
}
