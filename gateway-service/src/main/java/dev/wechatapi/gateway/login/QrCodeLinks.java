package dev.wechatapi.gateway.login;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.errors.ApiException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signed, expiring links to a QR code image, so that an {@code <img src>} works without the app's credential:
 * {@code /qrcode/<uuid>?expires=<epoch seconds>&sig=<base64url HMAC-SHA256(uuid "\n" expires)>}.
 *
 * <pre>URI link = links.signedUrl(request, uuid); links.verify(uuid, expires, sig);</pre>
 */
@Component
public class QrCodeLinks {

  static final String EXPIRES = "expires";
  static final String SIGNATURE = "sig";

  private final SecretKeySpec key;
  private final Duration lifetime;
  private final Clock clock;

  QrCodeLinks(WechatGatewayProperties properties) {
    this.key = new SecretKeySpec(keyBytes(properties.linkSecret()), "HmacSHA256");
    this.lifetime = properties.qrLinkLifetime();
    this.clock = Clock.systemUTC();
  }

  /** The absolute signed URL of the uuid's QR code, on the gateway as the client called it. */
  URI signedUrl(ServerHttpRequest request, String uuid) {
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    URI called = request.getURI();
    return UriComponentsBuilder.newInstance()
        .scheme(called.getScheme() == null ? "http" : called.getScheme())
        .host(called.getHost() == null ? "localhost" : called.getHost())
        .port(called.getPort())
        .path(request.getPath().contextPath().value())
        .pathSegment("qrcode", uuid)
        .queryParam(EXPIRES, expires)
        .queryParam(SIGNATURE, sign(uuid, expires))
        .build()
        .encode()
        .toUri();
  }

  /**
   * Accepts a link this gateway signed that has not expired yet.
   *
   * @throws ApiException 403 {@code invalid_link} for a missing or wrong signature, 403 {@code expired_link} after
   *     its expiry
   */
  void verify(String uuid, @Nullable String expires, @Nullable String signature) {
    long expiresAt;
    try {
      expiresAt = Long.parseLong(expires == null ? "" : expires);
    } catch (NumberFormatException e) {
      throw invalidLink();
    }
    byte[] expected = sign(uuid, expiresAt).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = (signature == null ? "" : signature).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, presented)) {
      throw invalidLink();
    }
    // Checked after the signature, so that only the gateway's own links are ever called expired.
    if (clock.instant().getEpochSecond() > expiresAt) {
      throw new ApiException(HttpStatus.FORBIDDEN, "expired_link", "链接已过期!");
    }
  }

  private String sign(String uuid, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((uuid + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JDK ships HmacSHA256", e);
    }
  }

  private static ApiException invalidLink() {
    return new ApiException(HttpStatus.FORBIDDEN, "invalid_link", "无效的链接签名!");
  }

  // Without a configured secret every start draws a new key: the links of a previous run stop working, which
  // only costs a client one more /login, and no default key exists that an attacker could know.
  private static byte[] keyBytes(@Nullable String secret) {
    if (secret != null && !secret.isBlank()) {
      return secret.getBytes(StandardCharsets.UTF_8);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }
}
