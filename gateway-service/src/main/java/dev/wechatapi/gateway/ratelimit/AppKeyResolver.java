package dev.wechatapi.gateway.ratelimit;

import dev.wechatapi.gateway.auth.Authenticator;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Rate limits count per authenticated app: the key is the app id the authentication filter found. */
@Component
class AppKeyResolver implements KeyResolver {

  @Override
  public Mono<String> resolve(ServerWebExchange exchange) {
    return Mono.justOrEmpty(exchange.<String>getAttribute(Authenticator.APP_ID_ATTRIBUTE));
  }
}
