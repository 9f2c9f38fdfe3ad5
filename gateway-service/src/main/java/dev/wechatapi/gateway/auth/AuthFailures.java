package dev.wechatapi.gateway.auth;

import dev.wechatapi.gateway.errors.ApiException;
import org.springframework.http.HttpStatus;

/** The 401 answers, with the original's texts (it answered 403; 401 is the correct status). */
final class AuthFailures {

  private AuthFailures() {}

  static ApiException unauthenticated() {
    return new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "无效的身份信息!");
  }

  static ApiException invalidToken() {
    return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_token", "无效的token或已过期!");
  }

  static ApiException invalidSignature() {
    return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_signature", "无效的签名!");
  }

  static ApiException staleTimestamp() {
    return new ApiException(HttpStatus.UNAUTHORIZED, "stale_timestamp", "时间戳无效或已过期!");
  }

  static ApiException reusedNonce() {
    return new ApiException(HttpStatus.UNAUTHORIZED, "reused_nonce", "nonce已被使用!");
  }
}
