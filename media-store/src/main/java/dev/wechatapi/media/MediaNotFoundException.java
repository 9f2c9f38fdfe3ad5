package dev.wechatapi.media;

/**
 * The app has no media with this id (it never existed, was deleted, or belongs to another app).
 *
 * <p>Usage: {@code catch (MediaNotFoundException e) { return notFound(); }}
 */
public final class MediaNotFoundException extends RuntimeException {

  private final String mediaId;

  public MediaNotFoundException(String mediaId) {
    super("no such media: " + mediaId);
    this.mediaId = mediaId;
  }

  public String mediaId() {
    return mediaId;
  }
}
