package dev.wechatapi.gateway.errors;

import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * What the gateway answers for a failure.
 *
 * @param retryAfter sent as {@code Retry-After} when present (503)
 * @param allow sent as {@code Allow} when not empty (405)
 */
record ErrorReply(HttpStatus status, ApiError error, @Nullable Duration retryAfter, Set<HttpMethod> allow) {

  static ErrorReply of(HttpStatus status, String code, Object errmsg) {
    return new ErrorReply(status, new ApiError(errmsg, code), null, Set.of());
  }

  ErrorReply retryAfter(Duration after) {
    return new ErrorReply(status, error, after, allow);
  }

  ErrorReply allow(Set<HttpMethod> methods) {
    // Sorted, so the header is the same on every run (Set.of iterates in a per-JVM random order).
    Set<HttpMethod> sorted = new TreeSet<>(Comparator.comparing(HttpMethod::name));
    sorted.addAll(methods);
    return new ErrorReply(status, error, retryAfter, sorted);
  }
}
