package dev.wechatapi.gateway.errors;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every failure as the contract's JSON error. Declaring an {@link ErrorWebExceptionHandler} replaces
 * Boot's whitelabel one, and the order puts it before WebFlux's own handlers, so no stack trace or HTML page
 * ever reaches a client.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

  private final ErrorClassifier classifier;
  private final JsonMapper json;

  GatewayErrorHandler(ErrorClassifier classifier, JsonMapper json) {
    this.classifier = classifier;
    this.json = json;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      // Part of a backend's answer is already on the wire; all that is left is to drop the connection.
      return Mono.error(failure);
    }
    ErrorReply reply = classifier.classify(failure);
    logFailure(exchange, failure, reply);
    byte[] body = json.writeValueAsBytes(reply.error());
    response.setStatusCode(reply.status());
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
    headers.setContentLength(body.length);
    headers.remove(HttpHeaders.TRANSFER_ENCODING);
    if (reply.retryAfter() != null) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, reply.retryAfter().toSeconds())));
    }
    if (!reply.allow().isEmpty()) {
      headers.setAllow(reply.allow());
    }
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  private static void logFailure(ServerWebExchange exchange, Throwable failure, ErrorReply reply) {
    String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
    if (reply.status().value() == 500) {
      log.error("{} failed", request, failure);
    } else if (reply.status().is5xxServerError()) {
      log.warn("{} answered {}: {}", request, reply.error().code(), failure.toString());
    } else {
      log.debug("{} answered {}: {}", request, reply.error().code(), failure.toString());
    }
  }
}
