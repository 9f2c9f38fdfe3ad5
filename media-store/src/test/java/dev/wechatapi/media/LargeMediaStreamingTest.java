package dev.wechatapi.media;

import static dev.wechatapi.media.MediaFixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs in a 32 MB heap (see the pom): a store that held a 20 MB file in memory would fail here. */
class LargeMediaStreamingTest {

  private static final long SIZE = 20L * 1024 * 1024 + 7;

  @TempDir Path root;

  @Test
  void twentyMegabyteFileIsStreamedInAndOutWithoutBeingHeldInMemory() throws Exception {
    MediaStore store = new FileSystemMediaStore(root);
    MessageDigest expected = MessageDigest.getInstance("SHA-256");

    StoredMedia stored = store.put(APP, new GeneratedContent(SIZE, expected), "video/mp4", "长视频 🎬.mp4");

    assertThat(stored.size()).isEqualTo(SIZE);
    assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
    MessageDigest readBack = MessageDigest.getInstance("SHA-256");
    try (InputStream in = store.open(APP, stored.mediaId(), null);
        OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), readBack)) {
      assertThat(in.transferTo(out)).isEqualTo(SIZE);
    }
    assertThat(HexFormat.of().formatHex(readBack.digest())).isEqualTo(stored.sha256());
  }

  @Test
  void aRangeNearTheEndOfALargeFileIsServedWithoutReadingWhatComesBefore() throws Exception {
    MediaStore store = new FileSystemMediaStore(root);
    StoredMedia stored = store.put(APP, new GeneratedContent(SIZE, MessageDigest.getInstance("SHA-256")),
        "video/mp4", "clip.mp4");

    ByteRange lastKilobyte = ByteRange.parse("bytes=-1024", stored.size()).orElseThrow();
    try (InputStream in = store.open(APP, stored.mediaId(), lastKilobyte)) {
      byte[] tail = in.readAllBytes();
      assertThat(tail).hasSize(1024);
      assertThat(tail[1023]).isEqualTo(GeneratedContent.byteAt(SIZE - 1));
      assertThat(tail[0]).isEqualTo(GeneratedContent.byteAt(SIZE - 1024));
    }
  }

  /** A deterministic byte sequence made on the fly and hashed as it is read, never materialised. */
  private static final class GeneratedContent extends InputStream {
    private final long size;
    private final MessageDigest digest;
    private long position;

    GeneratedContent(long size, MessageDigest digest) {
      this.size = size;
      this.digest = digest;
    }

    static byte byteAt(long position) {
      return (byte) ((position * 31 + (position >>> 9)) & 0xff);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = byteAt(position++);
      }
      digest.update(buffer, offset, n);
      return n;
    }

    @Override
    public void close() throws IOException {}
  }
}
