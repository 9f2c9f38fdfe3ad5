package dev.wechatapi.gateway.login;

import dev.wechatapi.gateway.auth.Authenticator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.wechatapi.gateway.errors.ApiException;
import java.time.Duration;
import java.util.Set;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /qrcode/{uuid}}: the login QR code as a PNG, for a signed link (the {@code qrcode} of a {@code /login}
 * answer) or for the credential of the app whose {@code /login} handed out the uuid (404 for any other app).
 */
@Configuration(proxyBeanMethods = false)
class QrCodeEndpoint {

  static final String PATH = "/qrcode/{uuid}";

  private final Authenticator authenticator;
  private final QrCodeLinks links;
  private final QrCodeOwners owners;

  QrCodeEndpoint(Authenticator authenticator, QrCodeLinks links, QrCodeOwners owners) {
    this.authenticator = authenticator;
    this.links = links;
    this.owners = owners;
  }

  @Bean
  @RouterOperation(path = PATH, method = RequestMethod.GET,
      operation = @Operation(operationId = "qrCode", tags = "login",
          summary = "The login QR code as a PNG: with the app's credential, or through the signed link of /login",
          parameters = {
            @Parameter(name = "uuid", in = ParameterIn.PATH, required = true, description = "The uuid from /login"),
            @Parameter(name = "expires", in = ParameterIn.QUERY, description = "Signed link: expiry, epoch seconds"),
            @Parameter(name = "sig", in = ParameterIn.QUERY, description = "Signed link: signature"),
            @Parameter(name = "access_token", in = ParameterIn.QUERY, description = "Or any app credential")
          },
          responses = {
            @ApiResponse(responseCode = "200", description = "PNG image",
                content = @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "400", description = "Malformed uuid",
                content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
            @ApiResponse(responseCode = "401", description = "Neither a credential nor a signed link",
                content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
            @ApiResponse(responseCode = "403", description = "Wrong or expired signed link",
                content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
            @ApiResponse(responseCode = "404", description = "The uuid is not from a /login of the calling app",
                content = @Content(schema = @Schema(ref = "#/components/schemas/Error")))
          }))
  RouterFunction<ServerResponse> qrCodeRoutes() {
    // Every method reaches the handler so that a POST is told 405, not that the path is unknown.
    return RouterFunctions.route(RequestPredicates.path(PATH), this::image);
  }

  private Mono<ServerResponse> image(ServerRequest request) {
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      return Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.GET)));
    }
    String uuid = request.pathVariable("uuid");
    if (!QrCodeImage.isUuid(uuid)) {
      return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "invalid_uuid", "无效的uuid"));
    }
    return authorize(request, uuid)
        // Rendering and PNG encoding take a few milliseconds of CPU: kept off the event loop.
        .then(Mono.fromCallable(() -> QrCodeImage.png(uuid)).subscribeOn(Schedulers.boundedElastic()))
        .flatMap(png -> ServerResponse.ok()
            .contentType(MediaType.IMAGE_PNG)
            .contentLength(png.length)
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
            .bodyValue(png));
  }

  private Mono<Void> authorize(ServerRequest request, String uuid) {
    boolean signedLink = request.queryParam(QrCodeLinks.SIGNATURE).isPresent()
        || request.queryParam(QrCodeLinks.EXPIRES).isPresent();
    if (signedLink) {
      return Mono.fromRunnable(() -> links.verify(uuid, request.queryParam(QrCodeLinks.EXPIRES).orElse(null),
          request.queryParam(QrCodeLinks.SIGNATURE).orElse(null)));
    }
    // Like every other resource, another app's uuid is simply not there.
    return authenticator.authenticate(request.exchange().getRequest())
        .flatMap(appId -> owners.isOwner(uuid, appId))
        .filter(Boolean::booleanValue)
        .switchIfEmpty(Mono.error(
            () -> new ApiException(HttpStatus.NOT_FOUND, "unknown_uuid", "未找到对应uuid的匹配对象!")))
        .then();
  }
}
