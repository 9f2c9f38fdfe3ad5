package dev.wechatapi.gateway.media;

import dev.wechatapi.gateway.auth.Authenticator;
import dev.wechatapi.gateway.errors.ApiException;
import dev.wechatapi.media.MediaLinks;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Which app a media request is for: the app of a signed link ({@code ?app=<app_id>&exp=..&sig=..}, verified with
 * {@link MediaLinks} and {@code wechat.media.link-secrets}) or else the app of the request's credential.
 *
 * <pre>access.appFor(request, mediaId) // app id; ApiException 401 (credential) or 403 (link) otherwise</pre>
 */
@Component
class MediaAccess {

  static final String APP = "app";
  static final String EXPIRES = "exp";
  static final String SIGNATURE = "sig";

  private final Authenticator authenticator;
  private final @Nullable MediaLinks links;
  private final Clock clock;

  MediaAccess(Authenticator authenticator, MediaProperties properties) {
    this.authenticator = authenticator;
    this.links = properties.linkSecrets().isEmpty() ? null : new MediaLinks(properties.linkSecrets());
    this.clock = Clock.systemUTC();
  }

  Mono<String> appFor(ServerRequest request, String mediaId) {
    boolean signedLink = request.queryParam(APP).isPresent() || request.queryParam(EXPIRES).isPresent()
        || request.queryParam(SIGNATURE).isPresent();
    if (signedLink) {
      return Mono.fromCallable(() -> linkedApp(request.queryParam(APP).orElse(null), mediaId,
          request.queryParam(EXPIRES).orElse(null), request.queryParam(SIGNATURE).orElse(null)));
    }
    return authenticator.authenticate(request.exchange().getRequest());
  }

  private String linkedApp(@Nullable String appId, String mediaId, @Nullable String expires,
      @Nullable String signature) {
    if (links == null || appId == null || signature == null) {
      throw invalidLink();
    }
    long expiresAt;
    try {
      expiresAt = Long.parseLong(expires == null ? "" : expires);
    } catch (NumberFormatException e) {
      throw invalidLink();
    }
    // Instant cannot hold every long; no link this gateway signed expires outside this span.
    if (expiresAt < 1 || expiresAt > Instant.MAX.getEpochSecond()) {
      throw invalidLink();
    }
    // MediaLinks folds the expiry into its answer; asked as of just before the expiry it checks the signature
    // alone, so that only genuine links are ever called expired.
    if (!links.verify(appId, mediaId, expiresAt, signature, Instant.ofEpochSecond(expiresAt - 1))) {
      throw invalidLink();
    }
    if (!clock.instant().isBefore(Instant.ofEpochSecond(expiresAt))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "expired_link", "链接已过期!");
    }
    return appId;
  }

  private static ApiException invalidLink() {
    return new ApiException(HttpStatus.FORBIDDEN, "invalid_link", "无效的链接签名!");
  }
}
