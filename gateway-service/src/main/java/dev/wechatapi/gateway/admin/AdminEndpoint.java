package dev.wechatapi.gateway.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wechatapi.gateway.apps.AppStore;
import dev.wechatapi.gateway.apps.AppSummary;
import dev.wechatapi.gateway.apps.RotatedSecret;
import dev.wechatapi.gateway.apps.DuplicateAppNameException;
import dev.wechatapi.gateway.errors.ApiException;
import dev.wechatapi.gateway.tokens.AccessTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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

/**
 * The operator's admin API: {@code GET /admin/apps} lists the apps, {@code POST /admin/apps} creates one ({@code
 * {"app_name": .., "token": ..}}, the secret shown once), {@code POST /admin/apps/{app_id}/rotate-secret} gives an
 * app a new secret and signature token (optional body {@code {"token": ..}}; shown once) and revokes every access
 * token issued before. Every call needs the admin token ({@link AdminGuard}).
 */
@Configuration(proxyBeanMethods = false)
class AdminEndpoint {

  static final String APPS = "/admin/apps";
  static final String ROTATE_SECRET = "/admin/apps/{app_id}/rotate-secret";

  private final AppStore apps;
  private final AccessTokens accessTokens;
  private final AdminGuard guard;

  AdminEndpoint(AppStore apps, AccessTokens accessTokens, AdminGuard guard) {
    this.apps = apps;
    this.accessTokens = accessTokens;
    this.guard = guard;
  }

  /** The body of {@code POST /admin/apps}; a missing token is generated. */
  record CreateApp(@JsonProperty("app_name") @Nullable String appName, @Nullable String token) {}

  /** The answer of {@code POST /admin/apps}: the only time the secret is shown. */
  record CreatedApp(@JsonProperty("app_name") String appName, @JsonProperty("app_id") String appId,
      @JsonProperty("app_secret") String appSecret, String token) {}

  /** The optional body of {@code POST /admin/apps/{app_id}/rotate-secret}; a missing token is generated. */
  record RotateSecret(@Nullable String token) {}

  /** The answer of {@code GET /admin/apps}. */
  record AppListing(int count, List<AppSummary> results) {}

  @Bean
  @RouterOperations({
    @RouterOperation(path = APPS, method = RequestMethod.GET,
        operation = @Operation(operationId = "adminListApps", tags = "admin", summary = "Lists the apps",
            security = @SecurityRequirement(name = "admin"),
            responses = {
              @ApiResponse(responseCode = "200", description = "{\"count\": n, \"results\": [app]}",
                  content = @Content(schema = @Schema(implementation = AppListing.class))),
              @ApiResponse(responseCode = "401", description = "Wrong admin token", content = @Content(schema = @Schema(ref = "#/components/schemas/Error")))
            })),
    @RouterOperation(path = APPS, method = RequestMethod.POST,
        operation = @Operation(operationId = "adminCreateApp", tags = "admin",
            summary = "Creates an app; its app_secret is shown only in this answer",
            security = @SecurityRequirement(name = "admin"),
            requestBody = @RequestBody(required = true,
                content = @Content(schema = @Schema(implementation = CreateApp.class))),
            responses = {
              @ApiResponse(responseCode = "201", description = "The app, its secret shown only here",
                  content = @Content(schema = @Schema(implementation = CreatedApp.class))),
              @ApiResponse(responseCode = "400", description = "Bad name or token", content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
              @ApiResponse(responseCode = "409", description = "Name in use", content = @Content(schema = @Schema(ref = "#/components/schemas/Error")))
            })),
    @RouterOperation(path = ROTATE_SECRET, method = RequestMethod.POST,
        operation = @Operation(operationId = "adminRotateSecret", tags = "admin",
            summary = "Gives an app a new app_secret and signature token, shown only in this answer, and revokes "
                + "every access token issued before",
            security = @SecurityRequirement(name = "admin"),
            parameters = @Parameter(name = "app_id", in = ParameterIn.PATH, required = true),
            requestBody = @RequestBody(required = false, description = "The new signature token (default: random)",
                content = @Content(schema = @Schema(implementation = RotateSecret.class))),
            responses = {
              @ApiResponse(responseCode = "200", description = "The new secret and signature token",
                  content = @Content(schema = @Schema(implementation = RotatedSecret.class))),
              @ApiResponse(responseCode = "400", description = "Bad token", content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
              @ApiResponse(responseCode = "404", description = "Unknown app", content = @Content(schema = @Schema(ref = "#/components/schemas/Error")))
            }))
  })
  RouterFunction<ServerResponse> adminRoutes() {
    // Every method reaches the handlers so that a wrong one is told 405, not that the path is unknown.
    return RouterFunctions.route(RequestPredicates.path(APPS), this::apps)
        .andRoute(RequestPredicates.path(ROTATE_SECRET), this::rotateSecret)
        .filter((request, next) ->
            Mono.fromRunnable(() -> guard.admit(request)).then(Mono.defer(() -> next.handle(request))));
  }

  private Mono<ServerResponse> apps(ServerRequest request) {
    if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
      return apps.list().collectList().flatMap(list -> ServerResponse.ok()
          .cacheControl(CacheControl.noStore())
          .bodyValue(new AppListing(list.size(), list)));
    }
    if (request.method() == HttpMethod.POST) {
      return request.bodyToMono(CreateApp.class)
          .switchIfEmpty(Mono.error(() -> invalid("app_name is required")))
          .flatMap(create -> create.appName() == null
              ? Mono.error(invalid("app_name is required"))
              : apps.register(create.appName(), create.token()))
          .onErrorMap(IllegalArgumentException.class, e -> invalid(e.getMessage()))
          .onErrorMap(DuplicateAppNameException.class,
              e -> new ApiException(HttpStatus.CONFLICT, "duplicate_app", List.of(e.getMessage())))
          .flatMap(app -> ServerResponse.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
              .bodyValue(new CreatedApp(app.appName(), app.appId(), app.appSecret(), app.token())));
    }
    return Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.GET, HttpMethod.POST)));
  }

  private Mono<ServerResponse> rotateSecret(ServerRequest request) {
    if (request.method() != HttpMethod.POST) {
      return Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST)));
    }
    // Revoked after the new secret is stored: a token issued meanwhile with the old secret is caught either here or
    // by the issuer's second look at the secret. If Redis fails here, rotating again revokes them.
    return request.bodyToMono(RotateSecret.class)
        .defaultIfEmpty(new RotateSecret(null))
        .flatMap(body -> apps.rotateSecret(request.pathVariable("app_id"), body.token()))
        .onErrorMap(IllegalArgumentException.class, e -> invalid(e.getMessage()))
        .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown_app", "未找到该app。")))
        .flatMap(rotated -> accessTokens.revokeAll(rotated.appId()).thenReturn(rotated))
        .flatMap(rotated -> ServerResponse.ok().cacheControl(CacheControl.noStore()).bodyValue(rotated));
  }

  private static ApiException invalid(@Nullable String reason) {
    return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", List.of(String.valueOf(reason)));
  }
}
