package dev.wechatapi.gateway.routing;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.errors.ApiException;
import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets browser pages on {@code wechat.gateway.cors.allowed-origins} call the API (none by default). Preflights are
 * answered before authentication; a request from an origin not on the list gets 403 {@code cors_rejected} in the
 * contract's shape (Spring's own CORS filter would answer an empty 403).
 */
@Component
class CorsPolicy implements WebFilter, Ordered {

  private final CorsProcessor processor = new DefaultCorsProcessor();
  private final CorsConfiguration configuration;

  CorsPolicy(WechatGatewayProperties properties) {
    // Without origins the configuration allows nothing and the filter steps aside (see filter).
    configuration = new CorsConfiguration();
    List<String> origins = properties.cors().allowedOrigins();
    if (!origins.isEmpty()) {
      configuration.setAllowedOrigins(origins);
    }
    configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
    configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "X-App-Id",
        "X-Timestamp", "X-Nonce", "X-Signature", "X-Admin-Token", HttpHeaders.RANGE, HttpHeaders.IF_RANGE));
    configuration.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, "X-RateLimit-Remaining",
        "X-RateLimit-Replenish-Rate", "X-RateLimit-Burst-Capacity", HttpHeaders.CONTENT_RANGE,
        HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.ETAG, HttpHeaders.ACCEPT_RANGES));
    configuration.setMaxAge(Duration.ofMinutes(30));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (configuration.getAllowedOrigins() == null || !CorsUtils.isCorsRequest(exchange.getRequest())) {
      return chain.filter(exchange);
    }
    if (!processor.process(configuration, exchange)) {
      // The processor has set 403 already; the body is the contract's.
      return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "cors_rejected", "不允许的跨域请求来源。"));
    }
    return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    // Before anything that could answer the request, so that every answer carries the CORS headers.
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
