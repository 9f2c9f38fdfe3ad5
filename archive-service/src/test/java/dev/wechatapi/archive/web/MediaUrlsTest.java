package dev.wechatapi.archive.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.archive.ArchiveProperties;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@link MediaUrls#urls} appends each media id to a gateway part worked out once: its URLs are exactly those of
 * building each one with {@link UriComponentsBuilder}, as every media URL was built before, whatever the id holds and
 * wherever the gateway is.
 */
class MediaUrlsTest {

    private static final List<String> IDS = List.of("avatar-p1", "a b", "照片.jpg", "a/b", "50%", "q?x=1&y", "h#f",
            "emoji😀", "semi;colon", "plus+sign");

    @Test
    void urlsAreWhatTheBuilderWritesForEveryIdAndGateway() {
        MediaUrls media = new MediaUrls(properties("/media"), new MediaLinkSecrets(List.of()));
        for (ServerHttpRequest request : List.of(
                MockServerHttpRequest.get("http://localhost:8082/friends?sex=1").build(),
                MockServerHttpRequest.get("https://api.example.com/wechat/friends?page=2").contextPath("/wechat").build(),
                MockServerHttpRequest.get("http://[::1]:8443/gw-prefix/friends").contextPath("/gw-prefix").build(),
                MockServerHttpRequest.get("http://gw.example.com/friends#top").build())) {
            for (String id : IDS) {
                assertThat(media.urls(request).apply(id)).as(id).isEqualTo(builtOneByOne(request, "/media", id));
                assertThat(media.url(request, id)).as(id).isEqualTo(builtOneByOne(request, "/media", id));
            }
            assertThat(media.urls(request).apply(null)).isNull();
            assertThat(media.urls(request).apply("")).isNull();
        }
    }

    @Test
    void aConfiguredMediaPathIsWrittenAsTheBuilderWritesIt() {
        ServerHttpRequest request = MockServerHttpRequest.get("http://localhost:8082/friends").build();
        for (String path : List.of("files/", "/媒体", "/a b/", "/")) {
            MediaUrls media = new MediaUrls(properties(path), new MediaLinkSecrets(List.of()));
            String normalized = path.replaceAll("/+$", "");
            normalized = normalized.startsWith("/") ? normalized : "/" + normalized;
            for (String id : IDS) {
                assertThat(media.urls(request).apply(id)).as(path + " " + id)
                        .isEqualTo(builtOneByOne(request, normalized, id));
            }
        }
    }

    // How MediaUrls built every URL before it worked the gateway part out once per answer.
    private static String builtOneByOne(ServerHttpRequest request, String mediaPath, String id) {
        return UriComponentsBuilder.fromUri(request.getURI())
                .replacePath(request.getPath().contextPath().value())
                .path(mediaPath)
                .pathSegment(id)
                .replaceQuery(null)
                .fragment(null)
                .build()
                .encode()
                .toUriString();
    }

    private static ArchiveProperties properties(String mediaPath) {
        return new ArchiveProperties(ZoneId.of("Asia/Shanghai"), mediaPath, Duration.ofHours(1), Duration.ofSeconds(10),
                DataSize.ofMegabytes(64));
    }
}
