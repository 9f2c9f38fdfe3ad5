package dev.wechatapi.media;

/**
 * A byte range that selects nothing of a file of {@link #size()} bytes: answer {@code 416} with
 * {@link #contentRange()}.
 *
 * <p>Usage: {@code catch (UnsatisfiableRangeException e) { return status(416).header("Content-Range", e.contentRange()); }}
 */
public final class UnsatisfiableRangeException extends RuntimeException {

  private final long size;

  public UnsatisfiableRangeException(String range, long size) {
    super("range " + range + " is not satisfiable for " + size + " bytes");
    this.size = size;
  }

  public long size() {
    return size;
  }

  /** The {@code Content-Range} value of a 416 response: {@code bytes *}{@code /size}. */
  public String contentRange() {
    return "bytes */" + size;
  }
}
