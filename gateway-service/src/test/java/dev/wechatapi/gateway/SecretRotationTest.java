package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;
import static dev.wechatapi.gateway.GatewayTestEnvironment.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.apps.NewApp;
import dev.wechatapi.gateway.cli.GatewayCli;
import dev.wechatapi.testsupport.TestRedis;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rotating an app's secret (admin API or CLI) revokes every access token issued before, the current one and those
 * in their grace period alike, and replaces the signature token: nothing issued or signed with the old credentials
 * works afterwards.
 */
class SecretRotationTest extends GatewayTest {

  private static final String INVALID_TOKEN = "{\"errmsg\":\"无效的token或已过期!\",\"code\":\"invalid_token\"}";
  private static final String INVALID_SIGNATURE = "{\"errmsg\":\"无效的签名!\",\"code\":\"invalid_signature\"}";
  private static final String EMPTY_PAGE = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Test
  void adminRotationRevokesTheCurrentTokenAndTheOneInItsGrace() throws Exception {
    NewApp app = newApp();
    String inGrace = accessTokenFor(app);
    String current = accessTokenFor(app);
    assertWorks(inGrace, app);
    assertWorks(current, app);

    Map<String, Object> rotated = rotate(app, null);

    for (String revoked : new String[] {inGrace, current}) {
      client.get().uri("/friends?access_token={token}", revoked).exchange()
          .expectStatus().isUnauthorized().expectBody().json(INVALID_TOKEN, true);
      client.get().uri("/status").header(HttpHeaders.AUTHORIZATION, "Bearer " + revoked).exchange()
          .expectStatus().isUnauthorized().expectBody().json(INVALID_TOKEN, true);
    }
    assertThat(ARCHIVE_SERVICE.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
    client.get().uri("/access_token?app_id={id}&app_secret={secret}", app.appId(), app.appSecret()).exchange()
        .expectStatus().isBadRequest().expectBody().json("{\"errmsg\":[\"无效的app\"],\"code\":\"invalid_app\"}", true);
    String fresh = tokenFor(app.appId(), (String) rotated.get("app_secret"));
    assertWorks(fresh, app);
  }

  @Test
  void adminRotationReplacesTheSignatureTokenSoOldSignaturesFail() throws Exception {
    NewApp app = newApp();
    String chosen = "new-signing-token-" + UUID.randomUUID();
    assertSignatureWorks(app.appId(), app.token());

    Map<String, Object> rotated = rotate(app, chosen);

    assertThat(rotated).containsEntry("token", chosen);
    String timestamp = now();
    client.get().uri("/friends?app_id={id}&timestamp={ts}&signature={sig}", app.appId(), timestamp,
            SignatureAuthenticationTest.sign(app.token(), timestamp))
        .exchange().expectStatus().isUnauthorized().expectBody().json(INVALID_SIGNATURE, true);
    client.get().uri("/groups")
        .header("X-App-Id", app.appId()).header("X-Timestamp", timestamp)
        .header("X-Signature", SignatureAuthenticationTest.sign(app.token(), timestamp))
        .exchange().expectStatus().isUnauthorized().expectBody().json(INVALID_SIGNATURE, true);
    assertThat(ARCHIVE_SERVICE.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
    assertSignatureWorks(app.appId(), chosen);
  }

  @Test
  void adminRotationWithoutATokenDrawsARandomSignatureToken() {
    NewApp app = newApp();

    Map<String, Object> rotated = rotate(app, null);

    assertThat((String) rotated.get("token")).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(app.token());
    assertThat((String) rotated.get("app_secret")).isNotEqualTo(app.appSecret());
  }

  @Test
  void aBadSignatureTokenIsRefusedAndRevokesNothing() throws Exception {
    NewApp app = newApp();
    String token = accessTokenFor(app);

    admin().post().uri("/admin/apps/{id}/rotate-secret", app.appId())
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"token\":\"has a space\"}")
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.code").isEqualTo("invalid_parameter");

    assertWorks(token, app);
    tokenFor(app.appId(), app.appSecret());
  }

  @Test
  void cliRotationRevokesTokensForEveryGatewaySharingTheRedis() throws Exception {
    NewApp app = newApp();
    String token = accessTokenFor(app);
    assertWorks(token, app);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = GatewayCli.execute(Reader.nullReader(), new PrintWriter(out), new PrintWriter(err), "rotatesecret",
        app.appName(), "--db-url", DATABASE.jdbcUrl(), "--db-user", DATABASE.username(), "--db-password",
        DATABASE.password(), "--redis-host", TestRedis.host(), "--redis-port", Integer.toString(TestRedis.port()));

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("revoked_tokens: 1");
    client.get().uri("/friends?access_token={token}", token).exchange()
        .expectStatus().isUnauthorized().expectBody().json(INVALID_TOKEN, true);
    String timestamp = now();
    client.get().uri("/friends?app_id={id}&timestamp={ts}&signature={sig}", app.appId(), timestamp,
            SignatureAuthenticationTest.sign(app.token(), timestamp))
        .exchange().expectStatus().isUnauthorized().expectBody().json(INVALID_SIGNATURE, true);
    String secret = line(out.toString(), "app_secret: ");
    assertWorks(tokenFor(app.appId(), secret), app);
    assertSignatureWorks(app.appId(), line(out.toString(), "token: "));
  }

  private void assertWorks(String token, NewApp app) throws InterruptedException {
    ARCHIVE_SERVICE.enqueue(json(200, EMPTY_PAGE));
    client.get().uri("/friends?access_token={token}", token).exchange().expectStatus().isOk();
    RecordedRequest forwarded = ARCHIVE_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.getHeaders().values("X-Wechat-App-Id")).containsExactly(app.appId());
  }

  private void assertSignatureWorks(String appId, String signatureToken) throws InterruptedException {
    String timestamp = now();
    String nonce = UUID.randomUUID().toString();
    ARCHIVE_SERVICE.enqueue(json(200, EMPTY_PAGE));
    client.get().uri("/friends?app_id={id}&timestamp={ts}&nonce={nonce}&signature={sig}", appId, timestamp, nonce,
            SignatureAuthenticationTest.sign(signatureToken, timestamp, nonce))
        .exchange().expectStatus().isOk();
    RecordedRequest forwarded = ARCHIVE_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.getHeaders().values("X-Wechat-App-Id")).containsExactly(appId);
  }

  private Map<String, Object> rotate(NewApp app, String token) {
    WebTestClient.RequestBodySpec request = admin().post().uri("/admin/apps/{id}/rotate-secret", app.appId());
    WebTestClient.RequestHeadersSpec<?> withBody = token == null ? request
        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", token));
    Map<String, Object> rotated = withBody.exchange()
        .expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody();
    assertThat(rotated).containsEntry("app_id", app.appId());
    return rotated;
  }

  private String tokenFor(String appId, String secret) {
    Map<String, Object> body = client.get().uri("/access_token?app_id={id}&app_secret={secret}", appId, secret)
        .exchange()
        .expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody();
    return (String) body.get("access_token");
  }

  private WebTestClient admin() {
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).build();
  }

  private static String line(String output, String prefix) {
    return output.lines().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow()
        .substring(prefix.length());
  }

  private static String now() {
    return Long.toString(Instant.now().getEpochSecond());
  }
}
