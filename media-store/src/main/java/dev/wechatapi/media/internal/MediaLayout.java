package dev.wechatapi.media.internal;

import java.nio.file.Path;

/**
 * Where files live under the root: {@code <appId>/<first two chars of mediaId>/<mediaId>} for content, the same
 * name plus {@code .json} for its sidecar, and {@code <appId>/.incoming/} for files still being written. The
 * incoming folder sits in the app folder so that moving a finished file into place is a rename on one filesystem.
 */
public final class MediaLayout {

  private static final String INCOMING = ".incoming";
  private static final String SIDECAR_SUFFIX = ".json";

  private final Path root;

  public MediaLayout(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public Path incoming(String appId) {
    return inside(appFolder(appId).resolve(INCOMING));
  }

  public Path content(String appId, String mediaId) {
    return inside(shard(appId, mediaId).resolve(mediaId));
  }

  public Path sidecar(String appId, String mediaId) {
    return inside(shard(appId, mediaId).resolve(mediaId + SIDECAR_SUFFIX));
  }

  private Path shard(String appId, String mediaId) {
    if (!Ids.isMediaId(mediaId)) {
      throw new IllegalArgumentException("not a media id");
    }
    return appFolder(appId).resolve(mediaId.substring(0, 2));
  }

  private Path appFolder(String appId) {
    return root.resolve(Ids.requireAppId(appId));
  }

  // The id checks already rule out "..", separators and absolute paths; this is the last line should they change.
  private Path inside(Path path) {
    Path normalized = path.normalize();
    if (!normalized.startsWith(root) || normalized.equals(root)) {
      throw new IllegalArgumentException("path escapes the media root");
    }
    return normalized;
  }
}
