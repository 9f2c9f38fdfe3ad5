package dev.wechatapi.gateway.ratelimit;

import dev.wechatapi.gateway.WechatGatewayProperties;
import io.netty.channel.EventLoop;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Route filter {@code AppRateLimit=<group>}: the {@link AppRateLimiter} bucket of the group, per authenticated app.
 * It replaces the stock {@code RequestRateLimiter} filter for the contract's 429 and 503 answers.
 */
@Component
class AppRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<AppRateLimitGatewayFilterFactory.Config> {

  private final AppRateLimiter rateLimiter;
  private final KeyResolver apps;
  private final WechatGatewayProperties.RateLimits rates;

  AppRateLimitGatewayFilterFactory(AppRateLimiter rateLimiter, KeyResolver apps,
      WechatGatewayProperties properties) {
    super(Config.class);
    this.rateLimiter = rateLimiter;
    this.apps = apps;
    this.rates = properties.rateLimits();
  }

  /** @param group the route group whose rates apply ({@code session}, {@code archive}) */
  public static final class Config {

    private String group = "";

    public String getGroup() {
      return group;
    }

    public void setGroup(String group) {
      this.group = group;
    }
  }

  @Override
  public List<String> shortcutFieldOrder() {
    return List.of("group");
  }

  @Override
  public GatewayFilter apply(Config config) {
    String group = config.getGroup();
    // An unknown group is a mistake in the route definitions: refused when the routes are built.
    rates.of(group);
    GatewayFilter filter = (exchange, chain) -> apps.resolve(exchange)
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("AppRateLimit runs after authentication")))
        .flatMap(appId -> rateLimiter.admit(exchange, group, appId))
        .then(onRequestLoop(exchange, Mono.defer(() -> chain.filter(exchange))));
    // Right after authentication (which leaves the app id), before anything that reads or forwards the body.
    return new OrderedGatewayFilter(filter, Ordered.HIGHEST_PRECEDENCE + 200);
  }

  // The Redis answers arrive on the Redis client's one event loop, and the rest of the call (routing, the forwarded
  // request, the answer) ran there too, handing every write over to another loop: about a fifth of the gateway's CPU
  // went into those hand-overs (JFR, gateway-reads benchmark). Back on the loop of the client's own connection, the
  // forwarded request goes out from a connection of that loop where the pool has one.
  private static Mono<Void> onRequestLoop(ServerWebExchange exchange, Mono<Void> rest) {
    if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection) {
      EventLoop loop = connection.channel().eventLoop();
      return loop.inEventLoop() ? rest : rest.subscribeOn(Schedulers.fromExecutor(loop));
    }
    return rest;
  }
}
