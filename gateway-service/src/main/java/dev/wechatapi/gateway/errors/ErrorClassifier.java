package dev.wechatapi.gateway.errors;

import dev.wechatapi.gateway.WechatGatewayProperties;
import io.lettuce.core.RedisException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.r2dbc.spi.R2dbcException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.netty.http.client.PrematureCloseException;

/** Decides, in one place, how each kind of failure is answered. */
@Component
class ErrorClassifier {

  static final String BACKEND_UNAVAILABLE = "后端服务暂不可用，请稍后重试。";
  static final String STORE_UNAVAILABLE = "服务暂不可用，请稍后重试。";

  private final WechatGatewayProperties properties;

  ErrorClassifier(WechatGatewayProperties properties) {
    this.properties = properties;
  }

  ErrorReply classify(Throwable failure) {
    if (failure instanceof ApiException api) {
      ErrorReply reply = new ErrorReply(api.status(), api.error(), api.retryAfter(), Set.of());
      return api.status() == HttpStatus.SERVICE_UNAVAILABLE && api.retryAfter() == null
          ? reply.retryAfter(properties.retryAfter())
          : reply;
    }
    // Redis and MariaDB failures are checked first: their causes contain connect errors too.
    if (hasCause(failure, DataAccessException.class)
        || hasCause(failure, R2dbcException.class)
        || hasCause(failure, RedisException.class)) {
      return ErrorReply.of(HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", STORE_UNAVAILABLE)
          .retryAfter(properties.retryAfter());
    }
    if (isBackendFailure(failure)) {
      return ErrorReply.of(HttpStatus.SERVICE_UNAVAILABLE, "backend_unavailable", BACKEND_UNAVAILABLE)
          .retryAfter(properties.retryAfter());
    }
    if (hasCause(failure, DataBufferLimitException.class)) {
      return ErrorReply.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "请求体过大。");
    }
    if (failure instanceof MethodNotAllowedException notAllowed) {
      String method = notAllowed.getHttpMethod();
      return ErrorReply.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "方法 “" + method + "” 不被允许。")
          .allow(notAllowed.getSupportedMethods());
    }
    if (failure instanceof ServerWebInputException input) {
      return ErrorReply.of(HttpStatus.BAD_REQUEST, "bad_request", "请求无效: " + reasonOf(input));
    }
    if (failure instanceof ResponseStatusException status) {
      return byStatus(status.getStatusCode(), reasonOf(status));
    }
    return ErrorReply.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "服务器内部错误。");
  }

  private ErrorReply byStatus(HttpStatusCode code, String reason) {
    HttpStatus status = HttpStatus.resolve(code.value());
    if (status == null) {
      status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
    }
    return switch (status) {
      case NOT_FOUND -> ErrorReply.of(status, "not_found", "未找到。");
      case METHOD_NOT_ALLOWED -> ErrorReply.of(status, "method_not_allowed", "请求方法不被允许。");
      case UNSUPPORTED_MEDIA_TYPE -> ErrorReply.of(status, "unsupported_media_type", "不支持的请求格式。");
      case NOT_ACCEPTABLE -> ErrorReply.of(status, "not_acceptable", "无法满足Accept头的要求。");
      case CONTENT_TOO_LARGE -> ErrorReply.of(status, "payload_too_large", "请求体过大。");
      // The routing filter reports a backend that did not answer in time as 504; the contract says 503.
      case GATEWAY_TIMEOUT, BAD_GATEWAY, SERVICE_UNAVAILABLE ->
          ErrorReply.of(HttpStatus.SERVICE_UNAVAILABLE, "backend_unavailable", BACKEND_UNAVAILABLE)
              .retryAfter(properties.retryAfter());
      default -> status.is4xxClientError()
          ? ErrorReply.of(status, status.name().toLowerCase(Locale.ROOT), "请求无效: " + reason)
          : ErrorReply.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "服务器内部错误。");
    };
  }

  private static boolean isBackendFailure(Throwable failure) {
    return failure instanceof BackendFailureException
        || hasCause(failure, ConnectException.class)
        || hasCause(failure, NoRouteToHostException.class)
        || hasCause(failure, UnknownHostException.class)
        || hasCause(failure, PrematureCloseException.class)
        || hasCause(failure, ReadTimeoutException.class)
        || hasCause(failure, TimeoutException.class);
  }

  private static String reasonOf(ResponseStatusException failure) {
    String reason = failure.getReason();
    return reason == null ? failure.getStatusCode().toString() : reason;
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }
}
