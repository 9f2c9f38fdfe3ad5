package dev.wechatapi.gateway.auth;

import dev.wechatapi.gateway.tokens.AccessTokens;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authenticates every routed call (the gateway's own endpoints and the actuator are not routes) and tells the
 * service which app it is for in {@value #APP_ID_HEADER}, replacing whatever the client put there.
 */
@Component
class AuthenticationFilter implements GlobalFilter, Ordered {

  static final String APP_ID_HEADER = "X-Wechat-App-Id";

  private final AccessTokens accessTokens;
  private final SignatureVerifier signatures;

  AuthenticationFilter(AccessTokens accessTokens, SignatureVerifier signatures) {
    this.accessTokens = accessTokens;
    this.signatures = signatures;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return authenticate(CredentialsReader.read(exchange.getRequest()))
        .flatMap(appId -> chain.filter(exchange.mutate().request(forwarded(exchange.getRequest(), appId)).build()));
  }

  private Mono<String> authenticate(Credentials credentials) {
    return switch (credentials) {
      case Credentials.Token token ->
          accessTokens.resolve(token.value()).switchIfEmpty(Mono.error(AuthFailures::invalidToken));
      case Credentials.Signature signature -> signatures.verify(signature);
      case Credentials.Missing missing -> Mono.error(AuthFailures.unauthenticated());
    };
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
