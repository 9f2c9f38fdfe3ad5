package dev.wechatapi.media;

import java.io.InputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stores and serves media, every call scoped by app: a media id of another app is simply not found.
 *
 * <p>Implementations stream content (never holding a whole file in memory), make a file visible only once it is
 * complete, and are safe for concurrent use. A malformed app id is refused with {@link InvalidAppIdException}; a
 * malformed media id is treated as unknown.
 *
 * <p>Usage:
 * <pre>{@code
 * MediaStore store = new FileSystemMediaStore(Path.of("/var/lib/wechat-api/media"));
 * StoredMedia media = store.put(appId, download, "image/jpeg", "猫.jpg");
 * try (InputStream in = store.open(appId, media.mediaId(), ByteRange.parse(header, media.size()).orElse(null))) { ... }
 * }</pre>
 */
public interface MediaStore {

  /**
   * Streams {@code content} into the store, measuring its size and SHA-256 on the way. The caller keeps ownership
   * of {@code content} and closes it.
   *
   * @param contentType the media type; {@code null} or blank stores {@code application/octet-stream}
   * @param fileName the original file name, kept as metadata only; may be {@code null}
   */
  StoredMedia put(String appId, InputStream content, @Nullable String contentType,
      @Nullable String fileName);

  /** The metadata of a stored file of this app, or empty when this app has no such media. */
  Optional<StoredMedia> find(String appId, String mediaId);

  /**
   * Opens the content of a stored file, the whole of it when {@code range} is {@code null}. The caller closes the
   * stream.
   *
   * @throws MediaNotFoundException when this app has no such media
   * @throws UnsatisfiableRangeException when {@code range} ends past the stored size
   */
  InputStream open(String appId, String mediaId, @Nullable ByteRange range);

  /** Deletes a stored file; {@code true} when this app had it. */
  boolean delete(String appId, String mediaId);
}
