package dev.wechatapi.archive.web;

import dev.wechatapi.archive.ArchiveProperties;
import dev.wechatapi.media.MediaLinks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute URLs of archived media. The gateway serves media, so a URL points at the host the request came
 * through (X-Forwarded-* honoured) under {@code wechat.archive.media-path}. With {@code wechat.media.link-secrets}
 * set, the URL is a signed link for the calling app that expires after {@code wechat.archive.media-link-lifetime}
 * ({@code <gateway>/media/<id>?app=<app id>&exp=..&sig=..}), so it opens in an {@code <img>} tag without the app's
 * credential; without secrets it is the plain URL and the client sends its credential.
 *
 * <pre>{@code media.url(request, row.avatarMediaId()) // null when there is no media}</pre>
 */
@Component
public final class MediaUrls {

    private final String mediaPath;
    private final @Nullable MediaLinks links;
    private final Duration lifetime;
    private final Clock clock;

    public MediaUrls(ArchiveProperties properties, MediaLinkSecrets secrets) {
        String path = properties.mediaPath().replaceAll("/+$", "");
        this.mediaPath = path.startsWith("/") ? path : "/" + path;
        this.links = secrets.linkSecrets().isEmpty() ? null : new MediaLinks(secrets.linkSecrets());
        this.lifetime = properties.mediaLinkLifetime();
        this.clock = Clock.systemUTC();
    }

    public @Nullable String url(ServerHttpRequest request, @Nullable String mediaId) {
        if (mediaId == null || mediaId.isEmpty()) {
            return null;
        }
        UriComponentsBuilder gateway = UriComponentsBuilder.fromUri(request.getURI())
                .replacePath(request.getPath().contextPath().value());
        // The app id is read only for a signed link: a plain URL needs no tenant.
        return url(gateway, () -> Tenant.appId(request), mediaId);
    }

    /**
     * The URL of a media as {@code appId} sees it through the gateway at {@code gateway} (scheme, host and path
     * prefix), for what is rendered outside a request, such as a webhook body.
     */
    public @Nullable String url(URI gateway, String appId, @Nullable String mediaId) {
        if (mediaId == null || mediaId.isEmpty()) {
            return null;
        }
        String prefix = gateway.getRawPath() == null ? "" : gateway.getRawPath().replaceAll("/+$", "");
        return url(UriComponentsBuilder.fromUri(gateway).replacePath(prefix), () -> appId, mediaId);
    }

    private String url(UriComponentsBuilder gateway, Supplier<String> appId, String mediaId) {
        UriComponentsBuilder url = gateway
                .path(mediaPath)
                .pathSegment(mediaId)
                .replaceQuery(null)
                .fragment(null);
        if (links != null) {
            // The link is bound to the app the gateway authenticated, so it opens nothing of another app's.
            String app = appId.get();
            url.query("app=" + app + "&" + links.sign(app, mediaId, clock.instant().plus(lifetime)));
        }
        return url.build().encode().toUriString();
    }
}
