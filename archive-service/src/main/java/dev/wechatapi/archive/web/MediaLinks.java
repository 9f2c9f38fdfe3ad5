package dev.wechatapi.archive.web;

import dev.wechatapi.archive.ArchiveProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute URLs of archived media. The gateway serves media, so a URL points at the host the request came
 * through (X-Forwarded-* honoured) under {@code wechat.archive.media-path}.
 */
@Component
public final class MediaLinks {

    private final String mediaPath;

    public MediaLinks(ArchiveProperties properties) {
        String path = properties.mediaPath().replaceAll("/+$", "");
        this.mediaPath = path.startsWith("/") ? path : "/" + path;
    }

    public @Nullable String url(ServerHttpRequest request, @Nullable String mediaId) {
        if (mediaId == null || mediaId.isEmpty()) {
            return null;
        }
        return UriComponentsBuilder.fromUri(request.getURI())
                .replacePath(request.getPath().contextPath().value() + mediaPath)
                .pathSegment(mediaId)
                .replaceQuery(null)
                .fragment(null)
                .build()
                .encode()
                .toUriString();
    }
}
