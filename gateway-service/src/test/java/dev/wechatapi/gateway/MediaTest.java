package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;
import static dev.wechatapi.gateway.GatewayTestEnvironment.SESSION_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.apps.NewApp;
import dev.wechatapi.media.FileSystemMediaStore;
import dev.wechatapi.media.MediaLinks;
import dev.wechatapi.media.MediaStore;
import dev.wechatapi.media.StoredMedia;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The gateway serves stored media itself, to the owning app only: by credential or by signed link. */
class MediaTest extends GatewayTest {

  private static final MediaStore STORE = new FileSystemMediaStore(GatewayTestEnvironment.MEDIA_ROOT);
  private static final byte[] PICTURE = bytes(1000);
  private static final String NOT_FOUND = "{\"errmsg\":\"媒体文件不存在!\",\"code\":\"media_not_found\"}";

  @Test
  void ownerGetsTheBytesWithTheHeadersOfTheStoredFileAndNoServiceIsCalled() throws Exception {
    NewApp app = newApp();
    StoredMedia media = STORE.put(app.appId(), new ByteArrayInputStream(PICTURE), "image/jpeg", "cat.jpg");

    byte[] body = client.get().uri("/media/{id}?access_token={token}", media.mediaId(), accessTokenFor(app))
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.CONTENT_TYPE, "image/jpeg")
        .expectHeader().contentLength(PICTURE.length)
        .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
        .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256(PICTURE) + "\"")
        .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"cat.jpg\"; filename*=UTF-8''cat.jpg")
        .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private")
        .expectHeader().exists("X-RateLimit-Remaining")
        .expectBody(byte[].class).returnResult().getResponseBody();

    assertThat(body).isEqualTo(PICTURE);
    assertThat(SESSION_SERVICE.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
    assertThat(ARCHIVE_SERVICE.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void anotherAppsMediaIsNotFoundRatherThanForbidden() {
    StoredMedia media = STORE.put(newApp().appId(), new ByteArrayInputStream(PICTURE), "image/png", null);

    client.get().uri("/media/{id}", media.mediaId())
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessTokenFor(newApp()))
        .exchange()
        .expectStatus().isNotFound().expectBody().json(NOT_FOUND, true);
  }

  @Test
  void unknownAndMalformedMediaIdsAreNotFound() {
    String token = accessTokenFor(newApp());

    for (String id : List.of("abcdefghijklmnopqrstuvwxyz234567", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "short",
        "..", "x".repeat(200), "猫猫")) {
      client.get().uri("/media/{id}?access_token={token}", id, token).exchange()
          .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("media_not_found");
    }
  }

  @Test
  void mediaWithoutCredentialOrLinkIsUnauthenticated() {
    StoredMedia media = STORE.put(newApp().appId(), new ByteArrayInputStream(PICTURE), "image/png", null);

    client.get().uri("/media/{id}", media.mediaId()).exchange()
        .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
  }

  @Test
  void signedLinkWorksWithoutATokenAndWithThePreviousSecret() {
    NewApp app = newApp();
    StoredMedia media = STORE.put(app.appId(), new ByteArrayInputStream(PICTURE), "image/gif", null);
    Instant expiry = Instant.now().plusSeconds(60);

    for (String secret : List.of(MEDIA_LINK_SECRET, OLD_MEDIA_LINK_SECRET)) {
      String query = new MediaLinks(List.of(secret)).sign(app.appId(), media.mediaId(), expiry);
      byte[] body = client.get().uri("/media/" + media.mediaId() + "?app=" + app.appId() + "&" + query).exchange()
          .expectStatus().isOk()
          .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "inline")
          .expectBody(byte[].class).returnResult().getResponseBody();
      assertThat(body).isEqualTo(PICTURE);
    }
  }

  @Test
  void expiredOrTamperedLinksAreForbidden() {
    NewApp app = newApp();
    NewApp other = newApp();
    StoredMedia media = STORE.put(app.appId(), new ByteArrayInputStream(PICTURE), "image/gif", null);
    StoredMedia othersMedia = STORE.put(other.appId(), new ByteArrayInputStream(PICTURE), "image/gif", null);
    MediaLinks links = new MediaLinks(List.of(MEDIA_LINK_SECRET));
    long expires = Instant.now().plusSeconds(60).getEpochSecond();
    String signature = links.sign(app.appId(), media.mediaId(), Instant.ofEpochSecond(expires)).split("&sig=")[1];
    String expired = links.sign(app.appId(), media.mediaId(), Instant.now().minusSeconds(1));

    client.get().uri("/media/" + media.mediaId() + "?app=" + app.appId() + "&" + expired).exchange()
        .expectStatus().isForbidden()
        .expectBody().json("{\"errmsg\":\"链接已过期!\",\"code\":\"expired_link\"}", true);
    for (String tampered : List.of(
        "/media/" + media.mediaId() + "?app=" + app.appId() + "&exp=" + (expires + 3600) + "&sig=" + signature,
        "/media/" + othersMedia.mediaId() + "?app=" + other.appId() + "&exp=" + expires + "&sig=" + signature,
        "/media/" + media.mediaId() + "?app=" + app.appId() + "&exp=" + expires + "&sig=x" + signature,
        "/media/" + media.mediaId() + "?app=" + app.appId() + "&exp=" + expires,
        "/media/" + media.mediaId() + "?app=" + app.appId() + "&exp=99999999999999999999&sig=" + signature,
        "/media/" + media.mediaId() + "?exp=" + expires + "&sig=" + signature)) {
      client.get().uri(tampered).exchange()
          .expectStatus().isForbidden()
          .expectBody().json("{\"errmsg\":\"无效的链接签名!\",\"code\":\"invalid_link\"}", true);
    }
  }

  @Test
  void rangesAreAnsweredWith206AndContentRange() {
    NewApp app = newApp();
    StoredMedia media = STORE.put(app.appId(), new ByteArrayInputStream(PICTURE), "video/mp4", "clip.mp4");
    String token = accessTokenFor(app);

    assertRange(media, token, "bytes=0-9", "bytes 0-9/1000", Arrays.copyOfRange(PICTURE, 0, 10));
    assertRange(media, token, "bytes=-5", "bytes 995-999/1000", Arrays.copyOfRange(PICTURE, 995, 1000));
    assertRange(media, token, "bytes=990-", "bytes 990-999/1000", Arrays.copyOfRange(PICTURE, 990, 1000));
    // A range of another version of the file is not spliced in: the whole file comes back.
    client.get().uri("/media/{id}?access_token={token}", media.mediaId(), token)
        .header(HttpHeaders.RANGE, "bytes=0-9").header(HttpHeaders.IF_RANGE, "\"stale\"")
        .exchange()
        .expectStatus().isOk().expectBody(byte[].class).isEqualTo(PICTURE);
  }

  @Test
  void rangePastTheEndIs416WithContentRangeInTheContractShape() {
    NewApp app = newApp();
    StoredMedia media = STORE.put(app.appId(), new ByteArrayInputStream(PICTURE), "video/mp4", null);

    client.get().uri("/media/{id}?access_token={token}", media.mediaId(), accessTokenFor(app))
        .header(HttpHeaders.RANGE, "bytes=1000-")
        .exchange()
        .expectStatus().isEqualTo(416)
        .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */1000")
        .expectBody().jsonPath("$.code").isEqualTo("range_not_satisfiable").jsonPath("$.errmsg").isNotEmpty();
  }

  @Test
  void chineseAndEmojiFileNamesAreSentAsRfc5987AndDocumentsAreDownloaded() {
    NewApp app = newApp();
    StoredMedia media = STORE.put(app.appId(),
        new ByteArrayInputStream("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)), "application/pdf", "报告 🐱.pdf");

    client.get().uri("/media/{id}?access_token={token}", media.mediaId(), accessTokenFor(app)).exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"__ _.pdf\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%F0%9F%90%B1.pdf");
  }

  @Test
  void undeclaredOrScriptableTypesAreDownloadedAsOctetStreamOrAttachment() {
    NewApp app = newApp();
    String token = accessTokenFor(app);
    StoredMedia untyped = STORE.put(app.appId(), new ByteArrayInputStream(PICTURE), "not a type", null);
    StoredMedia svg = STORE.put(app.appId(), new ByteArrayInputStream(PICTURE), "image/svg+xml", null);

    client.get().uri("/media/{id}?access_token={token}", untyped.mediaId(), token).exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
        .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment");
    client.get().uri("/media/{id}?access_token={token}", svg.mediaId(), token).exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment");
  }

  @Test
  void headAnswersTheHeadersWithoutABody() {
    NewApp app = newApp();
    StoredMedia media = STORE.put(app.appId(), new ByteArrayInputStream(PICTURE), "audio/mpeg", null);

    client.head().uri("/media/{id}?access_token={token}", media.mediaId(), accessTokenFor(app)).exchange()
        .expectStatus().isOk()
        .expectHeader().contentLength(PICTURE.length)
        .expectHeader().valueEquals(HttpHeaders.CONTENT_TYPE, "audio/mpeg")
        .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + media.sha256() + "\"")
        .expectBody().isEmpty();
  }

  @Test
  void mediaOnlyAnswersGetAndHead() {
    client.post().uri("/media/{id}", "abcdefghijklmnopqrstuvwxyz234567").exchange()
        .expectStatus().isEqualTo(405)
        .expectHeader().valueEquals("Allow", "GET,HEAD")
        .expectBody().jsonPath("$.code").isEqualTo("method_not_allowed");
  }

  @Test
  void aLargeFileIsStreamedWhole() {
    NewApp app = newApp();
    byte[] video = bytes(3 * 1024 * 1024 + 17);
    StoredMedia media = STORE.put(app.appId(), new ByteArrayInputStream(video), "video/mp4", null);

    byte[] body = client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(video.length)).build()
        .get().uri("/media/{id}?access_token={token}", media.mediaId(), accessTokenFor(app))
        .exchange()
        .expectStatus().isOk()
        .expectBody(byte[].class).returnResult().getResponseBody();

    assertThat(sha256(body)).isEqualTo(media.sha256());
  }

  private void assertRange(StoredMedia media, String token, String range, String contentRange, byte[] expected) {
    client.get().uri("/media/{id}?access_token={token}", media.mediaId(), token)
        .header(HttpHeaders.RANGE, range)
        .exchange()
        .expectStatus().isEqualTo(206)
        .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, contentRange)
        .expectHeader().contentLength(expected.length)
        .expectBody(byte[].class).isEqualTo(expected);
  }

  private static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
