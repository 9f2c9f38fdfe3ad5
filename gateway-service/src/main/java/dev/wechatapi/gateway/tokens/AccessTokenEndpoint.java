package dev.wechatapi.gateway.tokens;

import dev.wechatapi.gateway.apps.AppStore;
import dev.wechatapi.gateway.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Set;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMethod;
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
  @RouterOperations({
    @RouterOperation(path = "/access_token", method = RequestMethod.GET,
          operation = @Operation(operationId = "accessToken", tags = "tokens",
              summary = "Issues an access token for an app's id and secret",
              parameters = {
                @Parameter(name = "app_id", in = ParameterIn.QUERY, required = true, description = "32 hex"),
                @Parameter(name = "app_secret", in = ParameterIn.QUERY, required = true)
              },
              responses = {
                @ApiResponse(responseCode = "200", description = "A new token; the previous one retires after the grace",
                    content = @Content(schema = @Schema(implementation = AccessToken.class))),
                @ApiResponse(responseCode = "400", description = "Wrong pair or missing parameter",
                    content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
                @ApiResponse(responseCode = "503", description = "Redis or the database is down",
                    content = @Content(schema = @Schema(ref = "#/components/schemas/Error")))
              })),
    @RouterOperation(path = "/access-token", method = RequestMethod.GET,
          operation = @Operation(operationId = "accessTokenAlias", tags = "tokens",
              summary = "Issues an access token for an app's id and secret (alias of /access_token)",
              parameters = {
                @Parameter(name = "app_id", in = ParameterIn.QUERY, required = true, description = "32 hex"),
                @Parameter(name = "app_secret", in = ParameterIn.QUERY, required = true)
              },
              responses = {
                @ApiResponse(responseCode = "200", description = "A new token; the previous one retires after the grace",
                    content = @Content(schema = @Schema(implementation = AccessToken.class))),
                @ApiResponse(responseCode = "400", description = "Wrong pair or missing parameter",
                    content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
                @ApiResponse(responseCode = "503", description = "Redis or the database is down",
                    content = @Content(schema = @Schema(ref = "#/components/schemas/Error")))
              }))
  })
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
        .flatMap(token -> stillValid(appId, appSecret, token))
        .flatMap(token -> ServerResponse.ok().cacheControl(CacheControl.noStore()).bodyValue(token));
  }

  // A rotation can land between the secret check and the token's arrival in Redis, after the rotation revoked the
  // app's tokens; checked again once the token is listed, a token of the old secret never survives.
  private Mono<AccessToken> stillValid(String appId, String appSecret, AccessToken token) {
    return apps.authenticate(appId, appSecret)
        .map(app -> token)
        .switchIfEmpty(Mono.defer(() -> accessTokens.revoke(token.accessToken()).then(Mono.error(invalidApp()))));
  }

  private static ApiException invalidApp() {
    return new ApiException(HttpStatus.BAD_REQUEST, "invalid_app", List.of("无效的app"));
  }
}
