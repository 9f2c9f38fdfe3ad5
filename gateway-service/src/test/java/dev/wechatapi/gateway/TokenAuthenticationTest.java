package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;
import static dev.wechatapi.gateway.GatewayTestEnvironment.SESSION_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.apps.NewApp;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class TokenAuthenticationTest extends GatewayTest {

  private static final String UNAUTHENTICATED = "{\"errmsg\":\"无效的身份信息!\",\"code\":\"unauthenticated\"}";
  private static final String INVALID_TOKEN = "{\"errmsg\":\"无效的token或已过期!\",\"code\":\"invalid_token\"}";

  @Test
  void tokenInTheQueryReachesTheArchiveServiceWithTheAppIdAndTheQueryUnchanged() throws Exception {
    NewApp app = newApp();
    String token = accessTokenFor(app);
    ARCHIVE_SERVICE.enqueue(json(200, "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}"));

    client.get().uri("/friends?access_token={token}&name=张三😀&page=2", token)
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.count").isEqualTo(0);

    RecordedRequest forwarded = ARCHIVE_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.getHeaders().get("X-Wechat-App-Id")).isEqualTo(app.appId());
    assertThat(forwarded.getUrl().encodedPath()).isEqualTo("/friends");
    assertThat(forwarded.getUrl().queryParameter("access_token")).isEqualTo(token);
    assertThat(forwarded.getUrl().queryParameter("name")).isEqualTo("张三😀");
    assertThat(forwarded.getUrl().queryParameter("page")).isEqualTo("2");
  }

  @Test
  void bearerTokenReachesTheSessionServiceAndAForgedAppIdIsReplaced() throws Exception {
    NewApp app = newApp();
    String token = accessTokenFor(app);
    SESSION_SERVICE.enqueue(json(200, "{\"state\":\"logged_out\"}"));

    client.get().uri("/status")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .header("X-Wechat-App-Id", "ffffffffffffffffffffffffffffffff")
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.state").isEqualTo("logged_out");

    RecordedRequest forwarded = SESSION_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.getHeaders().values("X-Wechat-App-Id")).containsExactly(app.appId());
    assertThat(forwarded.getUrl().encodedPath()).isEqualTo("/status");
  }

  @Test
  void forwardedHeadersPointAtTheGatewayWhateverTheClientClaims() throws Exception {
    NewApp app = newApp();
    String token = accessTokenFor(app);
    ARCHIVE_SERVICE.enqueue(json(200, "{}"));

    client.get().uri("/messages?access_token={token}", token)
        .header("X-Forwarded-Host", "evil.example")
        .header("X-Forwarded-Proto", "gopher")
        .exchange()
        .expectStatus().isOk();

    RecordedRequest forwarded = ARCHIVE_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.getHeaders().values("X-Forwarded-Host")).containsExactly("localhost:" + port);
    assertThat(forwarded.getHeaders().values("X-Forwarded-Proto")).containsExactly("http");
    assertThat(forwarded.getHeaders().values("X-Forwarded-Port")).containsExactly(Integer.toString(port));
    assertThat(forwarded.getHeaders().get("X-Forwarded-Prefix")).isNull();
  }

  @Test
  void membersOfAGroupAreRoutedToTheArchiveService() throws Exception {
    String token = accessTokenFor(newApp());
    ARCHIVE_SERVICE.enqueue(json(200, "{\"count\":0,\"results\":[]}"));

    client.get().uri("/members/abc123?access_token={token}", token).exchange().expectStatus().isOk();

    RecordedRequest forwarded = ARCHIVE_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.getUrl().encodedPath()).isEqualTo("/members/abc123");
  }

  @Test
  void aServicesClientErrorPassesThroughUnchanged() {
    String token = accessTokenFor(newApp());
    String notFound = "{\"errmsg\":\"未找到对应uuid的匹配对象!\",\"code\":\"not_found\"}";
    SESSION_SERVICE.enqueue(json(400, notFound));

    client.post().uri("/send-message")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .bodyValue("{\"type\":\"text\",\"puid\":\"nobody\",\"text\":\"你好 👋\"}")
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().json(notFound, true);
  }

  @Test
  void noCredentialsAtAllIsUnauthenticated() throws Exception {
    client.get().uri("/friends").exchange().expectStatus().isUnauthorized().expectBody().json(UNAUTHENTICATED, true);
    client.get().uri("/friends?access_token=").exchange()
        .expectStatus().isUnauthorized().expectBody().json(UNAUTHENTICATED, true);
    client.get().uri("/status").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz").exchange()
        .expectStatus().isUnauthorized().expectBody().json(UNAUTHENTICATED, true);
    assertThat(ARCHIVE_SERVICE.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
    assertThat(SESSION_SERVICE.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void unknownTokenIsInvalidInTheQueryAndInTheHeader() {
    client.get().uri("/friends?access_token=not-a-token").exchange()
        .expectStatus().isUnauthorized().expectBody().json(INVALID_TOKEN, true);
    client.get().uri("/login").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token").exchange()
        .expectStatus().isUnauthorized().expectBody().json(INVALID_TOKEN, true);
  }

  @Test
  void anAppSecretIsNotAToken() {
    NewApp app = newApp();

    client.get().uri("/friends?access_token={secret}", app.appSecret()).exchange()
        .expectStatus().isUnauthorized().expectBody().json(INVALID_TOKEN, true);
  }
}
