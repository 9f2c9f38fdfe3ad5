package dev.wechatapi.gateway.tokens;

import dev.wechatapi.gateway.apps.AppStore;
import dev.wechatapi.gateway.errors.ApiException;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/** {@code GET /access_token?app_id=..&app_secret=..} (alias {@code /access-token}): the gateway's own endpoint. */
@Configuration(proxyBeanMethods = false)
class AccessTokenEndpoint {

  private final AppStore apps;
  private final AccessTokens accessTokens;

  AccessTokenEndpoint(AppStore apps, AccessTokens accessTokens) {
    this.apps = apps;
    this.accessTokens = accessTokens;
  }

  @Bean
  RouterFunction<ServerResponse> accessTokenRoutes() {
    // Every method reaches the handler so that a POST is told 405, not that the path is unknown.
    return RouterFunctions.route(
        RequestPredicates.path("/access_token").or(RequestPredicates.path("/access-token")), this::issue);
  }

  private Mono<ServerResponse> issue(ServerRequest request) {
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      return Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.GET)));
    }
    String appId = request.queryParam("app_id").orElse("");
    String appSecret = request.queryParam("app_secret").orElse("");
    return apps.authenticate(appId, appSecret)
        .switchIfEmpty(Mono.error(AccessTokenEndpoint::invalidApp))
        .flatMap(app -> accessTokens.issue(app.appId()))
        .flatMap(token -> ServerResponse.ok().cacheControl(CacheControl.noStore()).bodyValue(token));
  }

  private static ApiException invalidApp() {
    return new ApiException(HttpStatus.BAD_REQUEST, "invalid_app", List.of("无效的app"));
  }
}
