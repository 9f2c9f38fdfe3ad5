package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.SESSION_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

class QrCodeTest extends GatewayTest {

  private static final String UUID = "wenUv4sQUw==";

  @Test
  void loginAnswersWithASignedLinkToTheGatewaysOwnQrCodeImage() throws Exception {
    String token = accessTokenFor(newApp());
    SESSION_SERVICE.enqueue(json(200,
        "{\"uuid\":\"" + UUID + "\",\"status\":\"0\",\"qrcode\":\"https://login.weixin.qq.com/qrcode/" + UUID + "\"}"));

    Map<String, Object> login = client.get().uri("/login?access_token={token}", token).exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult().getResponseBody();

    assertThat(login).containsEntry("uuid", UUID).containsEntry("status", "0");
    String qrcode = (String) login.get("qrcode");
    assertThat(qrcode).startsWith("http://localhost:" + port + "/qrcode/" + UUID + "?expires=").contains("&sig=");
    byte[] png = client.get().uri(URI.create(qrcode)).exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.IMAGE_PNG)
        .expectBody(byte[].class).returnResult().getResponseBody();
    assertThat(decode(png)).isEqualTo("https://login.weixin.qq.com/l/" + UUID);
    RecordedRequest forwarded = SESSION_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded.getUrl().encodedPath()).isEqualTo("/login");
  }

  @Test
  void qrCodeImageAlsoWorksWithTheTokenOfTheAppThatStartedTheLogin() throws Exception {
    String token = accessTokenFor(newApp());
    SESSION_SERVICE.enqueue(json(200, "{\"uuid\":\"AbC123xyz\",\"status\":\"0\",\"qrcode\":\"x\"}"));
    client.get().uri("/login?access_token={token}", token).exchange().expectStatus().isOk();

    byte[] png = client.get().uri("/qrcode/AbC123xyz?access_token={token}", token).exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.IMAGE_PNG)
        .expectBody(byte[].class).returnResult().getResponseBody();

    assertThat(decode(png)).isEqualTo("https://login.weixin.qq.com/l/AbC123xyz");
  }

  @Test
  void tamperedLinkIsForbidden() {
    long expires = Instant.now().plusSeconds(60).getEpochSecond();
    String signature = sign(UUID, expires);

    client.get().uri(link("OtherUuid1", expires, signature)).exchange()
        .expectStatus().isForbidden()
        .expectBody().json("{\"errmsg\":\"无效的链接签名!\",\"code\":\"invalid_link\"}", true);
    client.get().uri(link(UUID, expires + 3600, signature)).exchange()
        .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("invalid_link");
    client.get().uri("/qrcode/{uuid}?expires=soon&sig=x", UUID).exchange()
        .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("invalid_link");
    client.get().uri("/qrcode/{uuid}?sig=", UUID).exchange()
        .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("invalid_link");
  }

  @Test
  void expiredLinkIsForbidden() {
    long expired = Instant.now().minusSeconds(1).getEpochSecond();

    client.get().uri(link(UUID, expired, sign(UUID, expired))).exchange()
        .expectStatus().isForbidden()
        .expectBody().json("{\"errmsg\":\"链接已过期!\",\"code\":\"expired_link\"}", true);
  }

  @Test
  void anotherAppsTokenDoesNotOpenTheQrCodeNorDoesAUuidNoLoginHandedOut() {
    String owner = accessTokenFor(newApp());
    String other = accessTokenFor(newApp());
    SESSION_SERVICE.enqueue(json(200, "{\"uuid\":\"OwnedUuid42\",\"status\":\"0\",\"qrcode\":\"x\"}"));
    client.get().uri("/login?access_token={token}", owner).exchange().expectStatus().isOk();
    String unknown = "{\"errmsg\":\"未找到对应uuid的匹配对象!\",\"code\":\"unknown_uuid\"}";

    client.get().uri("/qrcode/OwnedUuid42?access_token={token}", other).exchange()
        .expectStatus().isNotFound().expectBody().json(unknown, true);
    client.get().uri("/qrcode/NeverHandedOut1?access_token={token}", owner).exchange()
        .expectStatus().isNotFound().expectBody().json(unknown, true);
    client.get().uri("/qrcode/OwnedUuid42?access_token={token}", owner).exchange().expectStatus().isOk();
  }

  @Test
  void qrCodeWithoutCredentialOrLinkIsUnauthenticated() {
    client.get().uri("/qrcode/{uuid}", UUID).exchange()
        .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
    client.get().uri("/qrcode/{uuid}?access_token=nope", UUID).exchange()
        .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("invalid_token");
  }

  @Test
  void malformedUuidIsABadRequest() {
    String token = accessTokenFor(newApp());

    for (String uuid : new String[] {"a b", "<script>", "x".repeat(65), "abc", "汉字汉字"}) {
      client.get().uri("/qrcode/{uuid}?access_token={token}", uuid, token).exchange()
          .expectStatus().isBadRequest()
          .expectBody().json("{\"errmsg\":\"无效的uuid\",\"code\":\"invalid_uuid\"}", true);
    }
  }

  @Test
  void qrCodeOnlyAnswersGet() {
    client.post().uri("/qrcode/{uuid}", UUID).exchange()
        .expectStatus().isEqualTo(405).expectHeader().valueEquals("Allow", "GET");
  }

  @Test
  void failedLoginPassesThroughUnchanged() {
    String token = accessTokenFor(newApp());
    String busy = "{\"errmsg\":\"已在登录中\",\"code\":\"login_in_progress\",\"qrcode\":\"kept\"}";
    SESSION_SERVICE.enqueue(json(409, busy));

    client.get().uri("/login?access_token={token}", token).exchange()
        .expectStatus().isEqualTo(409).expectBody().json(busy, true);
  }

  @Test
  void updateIsRoutedToTheSessionServiceWithTheAppId() throws Exception {
    var app = newApp();
    String token = accessTokenFor(app);
    SESSION_SERVICE.enqueue(json(201, "{\"msg\":\"更新成功!\"}"));

    client.get().uri("/update?access_token={token}", token).exchange()
        .expectStatus().isCreated().expectBody().json("{\"msg\":\"更新成功!\"}", true);

    RecordedRequest forwarded = SESSION_SERVICE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(forwarded.getUrl().encodedPath()).isEqualTo("/update");
    assertThat(forwarded.getHeaders().get("X-Wechat-App-Id")).isEqualTo(app.appId());
  }

  private static String link(String uuid, long expires, String signature) {
    // Every part is URL-safe already; a URI builder would escape the uuid's "=".
    return "/qrcode/" + uuid + "?expires=" + expires + "&sig=" + signature;
  }

  private static String sign(String uuid, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(LINK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal((uuid + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
  }
}
