package dev.wechatapi.gateway.admin;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Admits the operator: {@code Authorization: Bearer <admin-token>} or {@code X-Admin-Token: <admin-token>}. Without
 * a configured {@code wechat.gateway.admin-token} the admin API does not exist (404), so that a gateway nobody set
 * up for administration offers nothing to guess at.
 */
@Component
class AdminGuard {

  static final String HEADER = "X-Admin-Token";

  private static final String BEARER = "bearer ";

  private final byte @Nullable [] expectedDigest;

  AdminGuard(WechatGatewayProperties properties) {
    String token = properties.adminToken();
    this.expectedDigest = token == null || token.isBlank() ? null : sha256(token.strip());
  }

  /** Throws the answer for a request that is not the operator's: 404 when disabled, else 401. */
  void admit(ServerRequest request) {
    if (expectedDigest == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "not_found", "未找到。");
    }
    String presented = presented(request.headers().asHttpHeaders());
    // Comparing digests keeps the time constant whatever the presented value's length.
    if (presented == null || !MessageDigest.isEqual(expectedDigest, sha256(presented))) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_admin_token", "无效的管理员凭证!");
    }
  }

  private static @Nullable String presented(HttpHeaders headers) {
    String header = headers.getFirst(HEADER);
    if (header != null && !header.isBlank()) {
      return header.strip();
    }
    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return authorization.substring(BEARER.length()).strip();
    }
    return null;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
