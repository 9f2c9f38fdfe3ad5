package dev.wechatapi.media;

import static dev.wechatapi.media.MediaFixtures.APP;
import static dev.wechatapi.media.MediaFixtures.read;
import static dev.wechatapi.media.MediaFixtures.sha256Hex;
import static dev.wechatapi.media.MediaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemMediaStoreTest {

  private static final Instant NOW = Instant.parse("2026-11-25T15:00:00.123456789Z");

  @TempDir Path root;

  private MediaStore store() {
    return new FileSystemMediaStore(root, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void storedFileComesBackWithItsChineseAndEmojiNameSizeAndHash() {
    MediaStore store = store();
    String text = "你好，世界 👋 — voice note transcript";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    StoredMedia stored = store.put(APP, utf8(text), "text/plain; charset=utf-8", "语音备忘录 🎙️ 2026.txt");

    assertThat(stored.appId()).isEqualTo(APP);
    assertThat(stored.fileName()).isEqualTo("语音备忘录 🎙️ 2026.txt");
    assertThat(stored.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(stored.size()).isEqualTo(bytes.length);
    assertThat(stored.sha256()).isEqualTo(sha256Hex(bytes));
    assertThat(stored.storedAt()).isEqualTo(NOW);
    assertThat(new FileSystemMediaStore(root).find(APP, stored.mediaId())).contains(stored);
    assertThat(read(store.open(APP, stored.mediaId(), null))).isEqualTo(text);
  }

  @Test
  void mediaIdsAreUrlSafeAndCarryAtLeast128RandomBits() {
    StoredMedia stored = store().put(APP, utf8("x"), "image/png", "a.png");

    // 32 base32 characters are 160 bits.
    assertThat(stored.mediaId()).matches("[a-z2-7]{32}");
    assertThat(store().put(APP, utf8("x"), "image/png", "a.png").mediaId()).isNotEqualTo(stored.mediaId());
  }

  @Test
  void missingContentTypeIsStoredAsOctetStreamAndMissingNameAsNull() {
    StoredMedia stored = store().put(APP, utf8(""), " ", null);

    assertThat(stored.contentType()).isEqualTo("application/octet-stream");
    assertThat(stored.fileName()).isNull();
    assertThat(stored.size()).isZero();
    assertThat(store().find(APP, stored.mediaId())).contains(stored);
    assertThat(read(store().open(APP, stored.mediaId(), null))).isEmpty();
  }

  @Test
  void deletedMediaIsNoLongerFoundAndASecondDeleteReportsNothingDeleted() {
    MediaStore store = store();
    StoredMedia stored = store.put(APP, utf8("bye"), "text/plain", "bye.txt");

    assertThat(store.delete(APP, stored.mediaId())).isTrue();

    assertThat(store.find(APP, stored.mediaId())).isEmpty();
    assertThatThrownBy(() -> store.open(APP, stored.mediaId(), null)).isInstanceOf(MediaNotFoundException.class);
    assertThat(store.delete(APP, stored.mediaId())).isFalse();
    assertThat(regularFiles()).isEmpty();
  }

  @Test
  void unknownMediaIdIsNotFound() {
    MediaStore store = store();

    assertThat(store.find(APP, "abcdefghijklmnopqrstuvwxyz234567")).isEmpty();
    assertThatThrownBy(() -> store.open(APP, "abcdefghijklmnopqrstuvwxyz234567", null))
        .isInstanceOf(MediaNotFoundException.class);
  }

  @Test
  void uploadThatFailsHalfwayLeavesNothingVisibleAndNoTemporaryFile() {
    MediaStore store = store();
    InputStream breaksAfterSomeBytes = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (served >= 10_000) {
          throw new IOException("connection reset by WeChat");
        }
        int n = Math.min(length, 10_000 - served);
        Arrays.fill(buffer, offset, offset + n, (byte) 'a');
        served += n;
        return n;
      }
    };

    assertThatThrownBy(() -> store.put(APP, breaksAfterSomeBytes, "video/mp4", "clip.mp4"))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("connection reset by WeChat");

    assertThat(regularFiles()).isEmpty();
  }

  @Test
  void contentWithoutItsSidecarAsAfterACrashBetweenTheTwoRenamesIsNotVisible() throws IOException {
    MediaStore store = store();
    StoredMedia stored = store.put(APP, utf8("half"), "text/plain", "half.txt");
    Path shard = root.resolve(APP).resolve(stored.mediaId().substring(0, 2));
    Files.delete(shard.resolve(stored.mediaId() + ".json"));

    assertThat(store.find(APP, stored.mediaId())).isEmpty();
    assertThatThrownBy(() -> store.open(APP, stored.mediaId(), null)).isInstanceOf(MediaNotFoundException.class);
  }

  @Test
  void aDamagedSidecarIsReportedAsAnIoFailureNotAsMissingMedia() throws IOException {
    MediaStore store = store();
    StoredMedia stored = store.put(APP, utf8("x"), "text/plain", "x.txt");
    Path shard = root.resolve(APP).resolve(stored.mediaId().substring(0, 2));
    Files.writeString(shard.resolve(stored.mediaId() + ".json"), "{\"version\": 1, \"size\": ");

    assertThatThrownBy(() -> store.find(APP, stored.mediaId()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(stored.mediaId());
  }

  private List<Path> regularFiles() {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
