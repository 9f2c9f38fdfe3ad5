package dev.wechatapi.gateway.errors;

/** Forwarding a call to a service failed; answered 503 {@code backend_unavailable} with {@code Retry-After}. */
public final class BackendFailureException extends RuntimeException {

  public BackendFailureException(Throwable cause) {
    super("forwarding failed: " + cause, cause);
  }
}
