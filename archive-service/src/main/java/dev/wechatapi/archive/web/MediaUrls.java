package dev.wechatapi.archive.web;

import dev.wechatapi.archive.ArchiveProperties;
import dev.wechatapi.media.MediaLinks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Absolute URLs of archived media. The gateway serves media, so a URL points at the host the request came
 * through (X-Forwarded-* honoured) under {@code wechat.archive.media-path}. With {@code wechat.media.link-secrets}
 * set, the URL is a signed link for the calling app that expires after {@code wechat.archive.media-link-lifetime}
 * ({@code <gateway>/media/<id>?app=<app id>&exp=..&sig=..}), so it opens in an {@code <img>} tag without the app's
 * credential; without secrets it is the plain URL and the client sends its credential.
 *
 * <pre>{@code
 * media.url(request, row.avatarMediaId()) // null when there is no media
 * UnaryOperator<String> avatars = media.urls(request); // the same URLs, for the many media of one answer
 * }</pre>
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
        return mediaId == null || mediaId.isEmpty() ? null : urls(request).apply(mediaId);
    }

    /**
     * The URLs of {@link #url(ServerHttpRequest, String)} for every media of one answer. The gateway part is worked
     * out once per request, as {@link UriComponentsBuilder} writes it for a probe id, and each media id is then
     * appended encoded as that builder encodes a path segment: building each URL through it was half the cost of
     * rendering a page of friends (JFR, gateway-reads benchmark).
     */
    public UnaryOperator<@Nullable String> urls(ServerHttpRequest request) {
        UriComponentsBuilder gateway = UriComponentsBuilder.fromUri(request.getURI())
                .replacePath(request.getPath().contextPath().value());
        // "<gateway><media path>/x" without its "x": the path segment is the URL's last part (no query, no fragment).
        String probe = gateway.path(mediaPath).pathSegment("x").replaceQuery(null).fragment(null)
                .build().encode().toUriString();
        String prefix = probe.substring(0, probe.length() - 1);
        return mediaId -> {
            if (mediaId == null || mediaId.isEmpty()) {
                return null;
            }
            String url = prefix + UriUtils.encodePathSegment(mediaId, StandardCharsets.UTF_8);
            if (links == null) {
                return url;
            }
            // The app id is read only for a signed link: a plain URL needs no tenant. Every part of the query is hex,
            // digits or base64url, which the builder's encoding leaves as they are.
            String app = Tenant.appId(request);
            return url + "?app=" + app + "&" + links.sign(app, mediaId, clock.instant().plus(lifetime));
        };
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
