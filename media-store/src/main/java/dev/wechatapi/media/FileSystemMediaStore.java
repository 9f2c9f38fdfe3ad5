package dev.wechatapi.media;

import dev.wechatapi.media.internal.BoundedInputStream;
import dev.wechatapi.media.internal.Ids;
import dev.wechatapi.media.internal.MediaLayout;
import dev.wechatapi.media.internal.Sidecar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link MediaStore}: one folder per app under a root directory, each file beside a small JSON
 * sidecar holding its metadata.
 *
 * <p>A file is written under a temporary name and renamed into place once complete and synced, content first and
 * sidecar last: the sidecar is what makes a file exist, so a crash never leaves a half-written file visible (at
 * worst an orphan that nothing points to). Every writer has its own random media id and temporary file, so
 * concurrent writers never touch the same path. Paths are built only from ids that passed a strict shape check.
 *
 * <p>Usage: {@code MediaStore store = new FileSystemMediaStore(Path.of("/var/lib/wechat-api/media"));}
 */
public final class FileSystemMediaStore implements MediaStore {

  private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  private final MediaLayout layout;
  private final Clock clock;

  /** A store under {@code root}, created if missing. */
  public FileSystemMediaStore(Path root) {
    this(root, Clock.systemUTC());
  }

  /** A store under {@code root} that stamps {@link StoredMedia#storedAt()} from {@code clock}. */
  public FileSystemMediaStore(Path root, Clock clock) {
    this.layout = new MediaLayout(root);
    this.clock = clock;
    try {
      Files.createDirectories(layout.root());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the media root " + layout.root(), e);
    }
  }

  @Override
  public StoredMedia put(String appId, InputStream content, @Nullable String contentType,
      @Nullable String fileName) {
    String mediaId = Ids.newMediaId();
    Path incoming = layout.incoming(appId);
    Path partialContent = null;
    Path partialSidecar = null;
    try {
      Files.createDirectories(incoming);
      partialContent = Files.createTempFile(incoming, mediaId, ".part");
      MessageDigest sha256 = sha256();
      long size;
      try (FileChannel channel = FileChannel.open(partialContent, StandardOpenOption.WRITE)) {
        size = new DigestInputStream(content, sha256).transferTo(Channels.newOutputStream(channel));
        channel.force(true);
      }
      StoredMedia media = new StoredMedia(mediaId, appId, normalizeContentType(contentType), fileName, size,
          HexFormat.of().formatHex(sha256.digest()), clock.instant());
      partialSidecar = Files.createTempFile(incoming, mediaId, ".json.part");
      writeSidecar(partialSidecar, media);
      Path finalContent = layout.content(appId, mediaId);
      Files.createDirectories(finalContent.getParent());
      Files.move(partialContent, finalContent, StandardCopyOption.ATOMIC_MOVE);
      Files.move(partialSidecar, layout.sidecar(appId, mediaId), StandardCopyOption.ATOMIC_MOVE);
      return media;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store media for app " + appId, e);
    } finally {
      deleteQuietly(partialContent);
      deleteQuietly(partialSidecar);
    }
  }

  @Override
  public Optional<StoredMedia> find(String appId, String mediaId) {
    Ids.requireAppId(appId);
    if (!Ids.isMediaId(mediaId)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(layout.sidecar(appId, mediaId))) {
      return Optional.of(Sidecar.readFrom(in).toStoredMedia(appId, mediaId));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read media " + mediaId + " of app " + appId, e);
    }
  }

  @Override
  public InputStream open(String appId, String mediaId, @Nullable ByteRange range) {
    StoredMedia media = find(appId, mediaId).orElseThrow(() -> new MediaNotFoundException(mediaId));
    if (range != null && range.last() >= media.size()) {
      throw new UnsatisfiableRangeException("bytes=" + range.first() + "-" + range.last(), media.size());
    }
    long first = range == null ? 0 : range.first();
    long length = range == null ? media.size() : range.length();
    FileChannel channel = null;
    try {
      channel = FileChannel.open(layout.content(appId, mediaId), StandardOpenOption.READ);
      channel.position(first);
      return new BoundedInputStream(Channels.newInputStream(channel), length);
    } catch (NoSuchFileException e) {
      // Deleted between reading its sidecar and opening its content.
      throw new MediaNotFoundException(mediaId);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot open media " + mediaId + " of app " + appId, e);
    }
  }

  @Override
  public boolean delete(String appId, String mediaId) {
    Ids.requireAppId(appId);
    if (!Ids.isMediaId(mediaId)) {
      return false;
    }
    try {
      // The sidecar goes first: once it is gone the file no longer exists for readers, even if we stop here.
      boolean existed = Files.deleteIfExists(layout.sidecar(appId, mediaId));
      Files.deleteIfExists(layout.content(appId, mediaId));
      return existed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete media " + mediaId + " of app " + appId, e);
    }
  }

  private static void writeSidecar(Path path, StoredMedia media) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      Sidecar.of(media).writeTo(out);
      channel.force(true);
    }
  }

  private static String normalizeContentType(@Nullable String contentType) {
    return contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType.strip();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void deleteQuietly(@Nullable Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover in .incoming is invisible to readers; the failure that brought us here matters more.
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing was read from it; the open failure is the one to report.
    }
  }
}
