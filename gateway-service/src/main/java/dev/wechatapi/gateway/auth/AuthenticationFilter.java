package dev.wechatapi.gateway.auth;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authenticates every routed call (the gateway's own endpoints and the actuator are not routes) and tells the
 * service which app it is for in {@value #APP_ID_HEADER}, replacing whatever the client put there. The app id is
 * also left in the exchange attribute {@link Authenticator#APP_ID_ATTRIBUTE} for the filters that follow (rate limits).
 */
@Component
class AuthenticationFilter implements GlobalFilter, Ordered {

  static final String APP_ID_HEADER = "X-Wechat-App-Id";

  private final Authenticator authenticator;

  AuthenticationFilter(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return authenticator.authenticate(exchange.getRequest())
        .flatMap(appId -> {
          exchange.getAttributes().put(Authenticator.APP_ID_ATTRIBUTE, appId);
          return chain.filter(exchange.mutate().request(forwarded(exchange.getRequest(), appId)).build());
        });
  }

  private static ServerHttpRequest forwarded(ServerHttpRequest request, String appId) {
    return request.mutate().headers(headers -> headers.set(APP_ID_HEADER, appId)).build();
  }

  @Override
  public int getOrder() {
    // Before every other filter: nothing about an unauthenticated call should reach a service.
    return Ordered.HIGHEST_PRECEDENCE + 100;
  }
}
