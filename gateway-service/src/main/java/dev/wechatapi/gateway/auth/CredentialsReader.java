package dev.wechatapi.gateway.auth;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;

/**
 * Finds the credentials in a request. A token wins over a signature; a signature in the query (app_id and
 * timestamp present) wins over one in headers, so that {@code signature} there is the credential and never a
 * filter.
 */
final class CredentialsReader {

  private static final String BEARER = "bearer ";

  private CredentialsReader() {}

  static Credentials read(ServerHttpRequest request) {
    MultiValueMap<String, String> query = request.getQueryParams();
    HttpHeaders headers = request.getHeaders();
    String token = query.getFirst("access_token");
    if (hasText(token)) {
      return new Credentials.Token(token);
    }
    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      String bearer = authorization.substring(BEARER.length()).strip();
      if (!bearer.isEmpty()) {
        return new Credentials.Token(bearer);
      }
    }
    if (hasText(query.getFirst("app_id")) && hasText(query.getFirst("timestamp"))) {
      return signature(query.getFirst("app_id"), query.getFirst("timestamp"), query.getFirst("nonce"),
          query.getFirst("signature"));
    }
    if (hasText(headers.getFirst("X-App-Id")) && hasText(headers.getFirst("X-Timestamp"))) {
      return signature(headers.getFirst("X-App-Id"), headers.getFirst("X-Timestamp"), headers.getFirst("X-Nonce"),
          headers.getFirst("X-Signature"));
    }
    return new Credentials.Missing();
  }

  private static Credentials signature(
      @Nullable String appId, @Nullable String timestamp, @Nullable String nonce, @Nullable String signature) {
    return new Credentials.Signature(
        orEmpty(appId), orEmpty(timestamp), hasText(nonce) ? nonce : null, orEmpty(signature));
  }

  private static boolean hasText(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
