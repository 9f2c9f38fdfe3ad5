package dev.wechatapi.media;

import static dev.wechatapi.media.MediaFixtures.APP;
import static dev.wechatapi.media.MediaFixtures.OTHER_APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MediaLinksTest {

  private static final String CURRENT = "current-secret-0123456789abcdef-0123456789";
  private static final String PREVIOUS = "previous-secret-0123456789abcdef-012345678";
  private static final String MEDIA = "abcdefghijklmnopqrstuvwxyz234567";
  private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
  private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));

  private final MediaLinks links = new MediaLinks(List.of(CURRENT, PREVIOUS));

  @Test
  void signedLinkVerifiesUntilItExpires() {
    Query query = Query.of(links.sign(APP, MEDIA, IN_AN_HOUR));

    assertThat(query.exp()).isEqualTo(IN_AN_HOUR.getEpochSecond());
    assertThat(links.verify(APP, MEDIA, query.exp(), query.sig(), NOW)).isTrue();
    assertThat(links.verify(APP, MEDIA, query.exp(), query.sig(), IN_AN_HOUR.minusSeconds(1))).isTrue();
    assertThat(links.verify(APP, MEDIA, query.exp(), query.sig(), IN_AN_HOUR)).isFalse();
    assertThat(links.verify(APP, MEDIA, query.exp(), query.sig(), IN_AN_HOUR.plus(Duration.ofDays(1)))).isFalse();
  }

  @Test
  void signedQueryIsAlreadyUrlSafe() {
    String query = links.sign(APP, MEDIA, IN_AN_HOUR);

    assertThat(query).matches("exp=\\d+&sig=[A-Za-z0-9_-]{43}");
    assertThat(URLEncoder.encode(query.substring(query.indexOf("sig=") + 4), StandardCharsets.UTF_8))
        .isEqualTo(query.substring(query.indexOf("sig=") + 4));
  }

  @Test
  void tamperedMediaIdAppIdOrExpiryIsRejected() {
    Query query = Query.of(links.sign(APP, MEDIA, IN_AN_HOUR));

    assertThat(links.verify(APP, "abcdefghijklmnopqrstuvwxyz234568", query.exp(), query.sig(), NOW)).isFalse();
    assertThat(links.verify(OTHER_APP, MEDIA, query.exp(), query.sig(), NOW)).isFalse();
    assertThat(links.verify(APP, MEDIA, query.exp() + 86_400, query.sig(), NOW)).isFalse();
  }

  @Test
  void tamperedOrMalformedSignatureIsRejected() {
    Query query = Query.of(links.sign(APP, MEDIA, IN_AN_HOUR));
    char flipped = query.sig().charAt(0) == 'A' ? 'B' : 'A';

    assertThat(links.verify(APP, MEDIA, query.exp(), flipped + query.sig().substring(1), NOW)).isFalse();
    assertThat(links.verify(APP, MEDIA, query.exp(), query.sig().substring(1), NOW)).isFalse();
    assertThat(links.verify(APP, MEDIA, query.exp(), "", NOW)).isFalse();
    assertThat(links.verify(APP, MEDIA, query.exp(), "not base64 !!", NOW)).isFalse();
  }

  @Test
  void linksSignedWithThePreviousSecretStillVerifyAfterRotation() {
    MediaLinks beforeRotation = new MediaLinks(List.of(PREVIOUS));
    Query oldLink = Query.of(beforeRotation.sign(APP, MEDIA, IN_AN_HOUR));

    assertThat(links.verify(APP, MEDIA, oldLink.exp(), oldLink.sig(), NOW)).isTrue();
    assertThat(Query.of(links.sign(APP, MEDIA, IN_AN_HOUR)).sig()).isNotEqualTo(oldLink.sig());
  }

  @Test
  void linksSignedWithARetiredSecretNoLongerVerify() {
    Query oldLink = Query.of(new MediaLinks(List.of(PREVIOUS)).sign(APP, MEDIA, IN_AN_HOUR));

    assertThat(new MediaLinks(List.of(CURRENT)).verify(APP, MEDIA, oldLink.exp(), oldLink.sig(), NOW)).isFalse();
  }

  @Test
  void missingOrShortSecretsAreRefused() {
    assertThatThrownBy(() -> new MediaLinks(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MediaLinks(List.of(CURRENT, "short"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
  }

  private record Query(long exp, String sig) {
    static Query of(String query) {
      Map<String, String> params = Stream.of(query.split("&"))
          .map(pair -> pair.split("=", 2))
          .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
      return new Query(Long.parseLong(params.get("exp")), params.get("sig"));
    }
  }
}
