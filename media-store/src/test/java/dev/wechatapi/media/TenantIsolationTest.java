package dev.wechatapi.media;

import static dev.wechatapi.media.MediaFixtures.APP;
import static dev.wechatapi.media.MediaFixtures.OTHER_APP;
import static dev.wechatapi.media.MediaFixtures.read;
import static dev.wechatapi.media.MediaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantIsolationTest {

  @TempDir Path root;

  @Test
  void anotherAppsMediaIdIsSimplyNotFound() {
    MediaStore store = new FileSystemMediaStore(root.resolve("media"));
    StoredMedia mine = store.put(APP, utf8("private photo"), "image/jpeg", "me.jpg");

    assertThat(store.find(OTHER_APP, mine.mediaId())).isEmpty();
    assertThatThrownBy(() -> store.open(OTHER_APP, mine.mediaId(), null))
        .isInstanceOf(MediaNotFoundException.class);
    assertThat(store.delete(OTHER_APP, mine.mediaId())).isFalse();
    assertThat(read(store.open(APP, mine.mediaId(), null))).isEqualTo("private photo");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "../0123456789abcdef0123456789abcd", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef",
      "0123456789abcdef0123456789abcdef0", "/etc/passwd", "..", "0123456789abcdef/123456789abcdef0",
      "0123456789abcdef\u00000123456789abcde"})
  void malformedAppIdsAreRefusedByEveryCall(String appId) {
    MediaStore store = new FileSystemMediaStore(root.resolve("media"));

    assertThatThrownBy(() -> store.put(appId, utf8("x"), "text/plain", "x.txt"))
        .isInstanceOf(InvalidAppIdException.class);
    assertThatThrownBy(() -> store.find(appId, "abcdefghijklmnopqrstuvwxyz234567"))
        .isInstanceOf(InvalidAppIdException.class);
    assertThatThrownBy(() -> store.open(appId, "abcdefghijklmnopqrstuvwxyz234567", null))
        .isInstanceOf(InvalidAppIdException.class);
    assertThatThrownBy(() -> store.delete(appId, "abcdefghijklmnopqrstuvwxyz234567"))
        .isInstanceOf(InvalidAppIdException.class);
  }

  @Test
  void traversalThroughTheMediaIdNeverReachesAnotherAppOrAFileOutsideTheRoot() throws IOException {
    Path mediaRoot = root.resolve("media");
    MediaStore store = new FileSystemMediaStore(mediaRoot);
    StoredMedia theirs = store.put(OTHER_APP, utf8("their secret"), "text/plain", "s.txt");
    Path outside = Files.writeString(root.resolve("outside.json"), "{}");
    Path theirSidecar = mediaRoot.resolve(OTHER_APP).resolve(theirs.mediaId().substring(0, 2))
        .resolve(theirs.mediaId());
    String[] attempts = {
        "../../" + OTHER_APP + "/" + theirs.mediaId().substring(0, 2) + "/" + theirs.mediaId(),
        "../" + OTHER_APP + "/" + theirs.mediaId(),
        theirSidecar.toString(),
        outside.toString(),
        "../../../outside",
        "..%2F..%2Foutside",
        theirs.mediaId().toUpperCase(),
        theirs.mediaId() + "/",
        ""};

    for (String mediaId : attempts) {
      assertThat(store.find(APP, mediaId)).as(mediaId).isEmpty();
      assertThatThrownBy(() -> store.open(APP, mediaId, null)).as(mediaId)
          .isInstanceOf(MediaNotFoundException.class);
      assertThat(store.delete(APP, mediaId)).as(mediaId).isFalse();
    }
    assertThat(outside).exists();
    assertThat(read(store.open(OTHER_APP, theirs.mediaId(), null))).isEqualTo("their secret");
  }

  @Test
  void fileNamesWithPathSeparatorsAreKeptAsMetadataAndNeverBecomePaths() throws IOException {
    Path mediaRoot = root.resolve("media");
    MediaStore store = new FileSystemMediaStore(mediaRoot);

    StoredMedia stored = store.put(APP, utf8("x"), "text/plain", "../../../../etc/cron.d/evil");

    assertThat(store.find(APP, stored.mediaId()).orElseThrow().fileName()).isEqualTo("../../../../etc/cron.d/evil");
    try (var entries = Files.list(root)) {
      assertThat(entries).containsExactly(mediaRoot);
    }
  }
}
