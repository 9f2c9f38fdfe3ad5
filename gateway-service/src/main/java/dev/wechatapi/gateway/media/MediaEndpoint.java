package dev.wechatapi.gateway.media;

import dev.wechatapi.gateway.errors.ApiError;
import dev.wechatapi.gateway.errors.ApiException;
import dev.wechatapi.gateway.ratelimit.AppRateLimiter;
import dev.wechatapi.media.ByteRange;
import dev.wechatapi.media.InvalidAppIdException;
import dev.wechatapi.media.MediaNotFoundException;
import dev.wechatapi.media.MediaStore;
import dev.wechatapi.media.StoredMedia;
import dev.wechatapi.media.UnsatisfiableRangeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /media/{mediaId}} (and {@code HEAD}): a stored file of the calling app, streamed from the media store,
 * whole or as one byte range. Answered by the gateway itself, never forwarded.
 */
@Configuration(proxyBeanMethods = false)
class MediaEndpoint {

  static final String PATH = "/media/{mediaId}";
  static final String RATE_LIMIT_GROUP = "media";

  private static final int CHUNK_SIZE = 64 * 1024;

  private final MediaStore store;
  private final MediaAccess access;
  private final AppRateLimiter rateLimiter;

  MediaEndpoint(MediaStore store, MediaAccess access, AppRateLimiter rateLimiter) {
    this.store = store;
    this.access = access;
    this.rateLimiter = rateLimiter;
  }

  @Bean
  @RouterOperation(path = PATH, method = RequestMethod.GET,
      operation = @Operation(operationId = "media", tags = "media",
          summary = "A stored picture, voice, video or file of the app: with the app's credential or a signed link",
          parameters = {
            @Parameter(name = "mediaId", in = ParameterIn.PATH, required = true, description = "The media id"),
            @Parameter(name = "app", in = ParameterIn.QUERY, description = "Signed link: the app id"),
            @Parameter(name = "exp", in = ParameterIn.QUERY, description = "Signed link: expiry, epoch seconds"),
            @Parameter(name = "sig", in = ParameterIn.QUERY, description = "Signed link: signature"),
            @Parameter(name = "access_token", in = ParameterIn.QUERY, description = "Or any app credential"),
            @Parameter(name = "Range", in = ParameterIn.HEADER, description = "One byte range: bytes=a-b, a- or -n")
          },
          responses = {
            @ApiResponse(responseCode = "200", description = "The whole file",
                content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "206", description = "The requested range, with Content-Range",
                content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "401", description = "Neither a credential nor a signed link",
                content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
            @ApiResponse(responseCode = "403", description = "Wrong or expired signed link",
                content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
            @ApiResponse(responseCode = "404", description = "The app has no such media",
                content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
            @ApiResponse(responseCode = "416", description = "Range outside the file; Content-Range: bytes */size",
                content = @Content(schema = @Schema(ref = "#/components/schemas/Error"))),
            @ApiResponse(responseCode = "429", description = "Rate limited",
                content = @Content(schema = @Schema(ref = "#/components/schemas/Error")))
          }))
  RouterFunction<ServerResponse> mediaRoutes() {
    // Every method reaches the handler so that a POST is told 405, not that the path is unknown.
    return RouterFunctions.route(RequestPredicates.path(PATH), this::media);
  }

  private Mono<ServerResponse> media(ServerRequest request) {
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      return Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.GET, HttpMethod.HEAD)));
    }
    String mediaId = request.pathVariable("mediaId");
    return access.appFor(request, mediaId)
        .flatMap(appId -> rateLimiter.admit(request.exchange(), RATE_LIMIT_GROUP, appId).thenReturn(appId))
        // The sidecar is read from disk: off the event loop.
        .flatMap(appId -> Mono.fromCallable(() -> store.find(appId, mediaId).orElse(null))
            .subscribeOn(Schedulers.boundedElastic()))
        // A malformed app id can only come from a signed link and, like another app's media, is simply not there.
        .onErrorMap(InvalidAppIdException.class, e -> notFound())
        .switchIfEmpty(Mono.error(MediaEndpoint::notFound))
        .flatMap(media -> answer(request, media));
  }

  private Mono<ServerResponse> answer(ServerRequest request, StoredMedia media) {
    String etag = "\"" + media.sha256() + "\"";
    Optional<ByteRange> range;
    try {
      range = ByteRange.parse(rangeToHonour(request, etag), media.size());
    } catch (UnsatisfiableRangeException e) {
      // Answered here rather than through the error handler: WebFlux clears the content headers of an answer
      // that fails, and this one must keep its Content-Range.
      return ServerResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
          .header(HttpHeaders.CONTENT_RANGE, e.contentRange())
          .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
          .bodyValue(new ApiError("请求的范围超出文件大小。", "range_not_satisfiable"));
    }
    MediaType type = MediaHeaders.contentType(media.contentType());
    ServerResponse.BodyBuilder answer = ServerResponse
        .status(range.isPresent() ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
        .contentType(type)
        .contentLength(range.map(ByteRange::length).orElse(media.size()))
        .eTag(etag)
        .lastModified(media.storedAt())
        .header(HttpHeaders.ACCEPT_RANGES, "bytes")
        .header(HttpHeaders.CONTENT_DISPOSITION, MediaHeaders.disposition(type, media.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private");
    range.ifPresent(r -> answer.header(HttpHeaders.CONTENT_RANGE, r.contentRange(media.size())));
    if (request.method() == HttpMethod.HEAD) {
      return answer.build();
    }
    return answer.body(BodyInserters.fromDataBuffers(content(request, media, range.orElse(null))));
  }

  // If-Range: a range of a version the client no longer holds would splice two files, so the whole one is sent.
  private static @Nullable String rangeToHonour(ServerRequest request, String etag) {
    String range = request.headers().firstHeader(HttpHeaders.RANGE);
    String ifRange = request.headers().firstHeader(HttpHeaders.IF_RANGE);
    return ifRange == null || ifRange.strip().equals(etag) ? range : null;
  }

  // The file is opened when the body is subscribed and closed when it ends or the client goes away; every read
  // blocks, so all of them run on the bounded elastic scheduler, a chunk at a time as the client takes them.
  private Flux<DataBuffer> content(ServerRequest request, StoredMedia media, @Nullable ByteRange range) {
    return DataBufferUtils.readInputStream(() -> store.open(media.appId(), media.mediaId(), range),
            request.exchange().getResponse().bufferFactory(), CHUNK_SIZE)
        .onErrorMap(MediaNotFoundException.class, e -> notFound())
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static ApiException notFound() {
    return new ApiException(HttpStatus.NOT_FOUND, "media_not_found", "媒体文件不存在!");
  }
}
