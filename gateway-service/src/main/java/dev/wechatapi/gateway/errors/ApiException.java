package dev.wechatapi.gateway.errors;

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

  public ApiException(HttpStatus status, String code, Object errmsg) {
    super(code + ": " + errmsg, null, false, false);
    this.status = status;
    this.error = new ApiError(errmsg, code);
  }

  public HttpStatus status() {
    return status;
  }

  public ApiError error() {
    return error;
  }
}
