package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.apps.NewApp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class SignatureAuthenticationTest extends GatewayTest {

  @Test
  void signatureInTheQueryReachesTheServiceWithTheAppId() throws Exception {
    NewApp app = newApp();
    String timestamp = now();
    String nonce = UUID.randomUUID().toString();
    ARCHIVE_SERVICE.enqueue(new MockResponse.Builder().body("{}").build());

    client.get().uri("/mps?app_id={id}&timestamp={ts}&nonce={nonce}&signature={sig}",
            app.appId(), timestamp, nonce, sign(app.token(), timestamp, nonce))
        .exchange()
        .expectStatus().isOk();

    RecordedRequest forwarded = ARCHIVE_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.getHeaders().get("X-Wechat-App-Id")).isEqualTo(app.appId());
  }

  @Test
  void signatureInHeadersReachesTheService() throws Exception {
    NewApp app = newApp();
    String timestamp = now();
    String nonce = UUID.randomUUID().toString();
    ARCHIVE_SERVICE.enqueue(new MockResponse.Builder().body("{}").build());

    client.get().uri("/groups")
        .header("X-App-Id", app.appId())
        .header("X-Timestamp", timestamp)
        .header("X-Nonce", nonce)
        .header("X-Signature", sign(app.token(), timestamp, nonce).toUpperCase())
        .header("X-Wechat-App-Id", "ffffffffffffffffffffffffffffffff")
        .exchange()
        .expectStatus().isOk();

    RecordedRequest forwarded = ARCHIVE_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded).isNotNull();
    assertThat(forwarded.getHeaders().values("X-Wechat-App-Id")).containsExactly(app.appId());
  }

  @Test
  void signatureWithoutNonceIsAcceptedAsInTheOriginal() {
    NewApp app = newApp();
    String timestamp = now();
    ARCHIVE_SERVICE.enqueue(new MockResponse.Builder().body("{}").build());

    client.get().uri("/friends?app_id={id}&timestamp={ts}&signature={sig}", app.appId(), timestamp,
            sign(app.token(), timestamp))
        .exchange()
        .expectStatus().isOk();
  }

  @Test
  void timestampOutsideTheWindowIsRefusedInBothDirections() {
    NewApp app = newApp();
    for (long offset : new long[] {-301, 301, -86_400 * 365L}) {
      String timestamp = Long.toString(Instant.now().getEpochSecond() + offset);
      String nonce = UUID.randomUUID().toString();

      client.get().uri("/friends?app_id={id}&timestamp={ts}&nonce={nonce}&signature={sig}",
              app.appId(), timestamp, nonce, sign(app.token(), timestamp, nonce))
          .exchange()
          .expectStatus().isUnauthorized()
          .expectBody().jsonPath("$.code").isEqualTo("stale_timestamp");
    }
  }

  @Test
  void reusedNonceIsRefused() {
    NewApp app = newApp();
    String timestamp = now();
    String nonce = UUID.randomUUID().toString();
    String signature = sign(app.token(), timestamp, nonce);
    ARCHIVE_SERVICE.enqueue(new MockResponse.Builder().body("{}").build());
    String uri = "/friends?app_id={id}&timestamp={ts}&nonce={nonce}&signature={sig}";

    client.get().uri(uri, app.appId(), timestamp, nonce, signature).exchange().expectStatus().isOk();
    client.get().uri(uri, app.appId(), timestamp, nonce, signature)
        .exchange()
        .expectStatus().isUnauthorized()
        .expectBody().json("{\"errmsg\":\"nonce已被使用!\",\"code\":\"reused_nonce\"}", true);
  }

  @Test
  void wrongSignatureOrUnknownAppIsRefused() {
    NewApp app = newApp();
    NewApp other = newApp();
    String timestamp = now();
    String invalid = "{\"errmsg\":\"无效的签名!\",\"code\":\"invalid_signature\"}";

    client.get().uri("/friends?app_id={id}&timestamp={ts}&signature={sig}", app.appId(), timestamp,
            sign(other.token(), timestamp))
        .exchange().expectStatus().isUnauthorized().expectBody().json(invalid, true);
    client.get().uri("/friends?app_id={id}&timestamp={ts}", app.appId(), timestamp)
        .exchange().expectStatus().isUnauthorized().expectBody().json(invalid, true);
    client.get().uri("/friends?app_id=0123456789abcdef0123456789abcdef&timestamp={ts}&signature={sig}", timestamp,
            sign(app.token(), timestamp))
        .exchange().expectStatus().isUnauthorized().expectBody().json(invalid, true);
  }

  @Test
  void aRefusedSignatureDoesNotBurnItsNonce() {
    NewApp app = newApp();
    String timestamp = now();
    String nonce = UUID.randomUUID().toString();
    ARCHIVE_SERVICE.enqueue(new MockResponse.Builder().body("{}").build());
    String uri = "/friends?app_id={id}&timestamp={ts}&nonce={nonce}&signature={sig}";

    client.get().uri(uri, app.appId(), timestamp, nonce, "0".repeat(40)).exchange().expectStatus().isUnauthorized();
    client.get().uri(uri, app.appId(), timestamp, nonce, sign(app.token(), timestamp, nonce))
        .exchange().expectStatus().isOk();
  }

  private static String now() {
    return Long.toString(Instant.now().getEpochSecond());
  }

  /** The original's algorithm: sha1 hex of the sorted parts, concatenated. */
  static String sign(String... parts) {
    String[] sorted = parts.clone();
    Arrays.sort(sorted);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
