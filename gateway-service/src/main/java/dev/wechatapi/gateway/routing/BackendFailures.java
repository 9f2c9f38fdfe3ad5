package dev.wechatapi.gateway.routing;

import dev.wechatapi.gateway.errors.ApiException;
import dev.wechatapi.gateway.errors.BackendFailureException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Marks whatever goes wrong while a call is forwarded as the service's failure: an answer that is not valid HTTP,
 * a connection reset mid-answer, anything the HTTP client throws. Those become 503 {@code backend_unavailable}
 * rather than a 500, since the client did nothing wrong and may retry.
 */
@Component
class BackendFailures implements GlobalFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    // The gateway's own answers (413 for a body over the limit, 504 for a timeout) keep their meaning.
    return chain.filter(exchange).onErrorMap(
        failure -> !(failure instanceof ApiException) && !(failure instanceof ResponseStatusException),
        BackendFailureException::new);
  }

  @Override
  public int getOrder() {
    // Right around the filter that does the forwarding.
    return NettyRoutingFilter.ORDER - 1;
  }
}
