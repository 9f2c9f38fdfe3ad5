package dev.wechatapi.media;

import static dev.wechatapi.media.MediaFixtures.APP;
import static dev.wechatapi.media.MediaFixtures.read;
import static dev.wechatapi.media.MediaFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangeReadTest {

  private static final String CONTENT = "0123456789abcdefghij";

  @TempDir Path root;
  private MediaStore store;
  private StoredMedia media;

  @BeforeEach
  void storeTwentyBytes() {
    store = new FileSystemMediaStore(root);
    media = store.put(APP, utf8(CONTENT), "video/mp4", "clip.mp4");
  }

  private String served(String rangeHeader) {
    ByteRange range = ByteRange.parse(rangeHeader, media.size()).orElseThrow();
    return read(store.open(APP, media.mediaId(), range));
  }

  @Test
  void firstBytesAreServed() {
    assertThat(served("bytes=0-4")).isEqualTo("01234");
  }

  @Test
  void aSuffixServesTheLastBytes() {
    assertThat(served("bytes=-3")).isEqualTo("hij");
  }

  @Test
  void anOpenEndedRangeServesToTheEnd() {
    assertThat(served("bytes=15-")).isEqualTo("fghij");
  }

  @Test
  void aMiddleRangeServesExactlyItsBytes() {
    assertThat(served("bytes=10-10")).isEqualTo("a");
  }

  @Test
  void aRangeEndingPastTheStoredSizeIsUnsatisfiable() {
    assertThatThrownBy(() -> store.open(APP, media.mediaId(), new ByteRange(5, 20)))
        .isInstanceOfSatisfying(UnsatisfiableRangeException.class,
            e -> assertThat(e.contentRange()).isEqualTo("bytes */20"));
  }
}
