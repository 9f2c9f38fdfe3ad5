package dev.wechatapi.gateway.errors;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the client caused or must wait out, already in the contract's terms. Features raise it; {@link
 * GatewayErrorHandler} renders it.
 *
 * <pre>return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "invalid_app", List.of("无效的app")));</pre>
 */
public final class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final ApiError error;
  private final @Nullable Duration retryAfter;

  public ApiException(HttpStatus status, String code, Object errmsg) {
    this(status, code, errmsg, null);
  }

  /** @param retryAfter sent as {@code Retry-After} (429); a 503 without one gets {@code wechat.gateway.retry-after} */
  public ApiException(HttpStatus status, String code, Object errmsg, @Nullable Duration retryAfter) {
    super(code + ": " + errmsg, null, false, false);
    this.status = status;
    this.error = new ApiError(errmsg, code);
    this.retryAfter = retryAfter;
  }

  /** Redis or the database cannot be used right now: 503 {@code store_unavailable}. */
  public static ApiException storeUnavailable() {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", ErrorClassifier.STORE_UNAVAILABLE);
  }

  public HttpStatus status() {
    return status;
  }

  public ApiError error() {
    return error;
  }

  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
