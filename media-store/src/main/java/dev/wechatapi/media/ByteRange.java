package dev.wechatapi.media;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One satisfiable range of bytes, {@code first} to {@code last} inclusive, as asked by an HTTP {@code Range} header
 * (RFC 9110 section 14) and answered with a {@code 206}.
 *
 * <p>Usage:
 * <pre>{@code
 * Optional<ByteRange> range = ByteRange.parse(request.header("Range"), media.size()); // 416 on UnsatisfiableRangeException
 * range.ifPresent(r -> response.status(206).header("Content-Range", r.contentRange(media.size())));
 * }</pre>
 */
public record ByteRange(long first, long last) {

  private static final String UNIT = "bytes=";

  public ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("not a byte range: " + first + "-" + last);
    }
  }

  /**
   * Reads a {@code Range} header against a file of {@code size} bytes: {@code bytes=a-b}, {@code bytes=a-} or
   * {@code bytes=-n}. Empty when there is nothing to honour and the whole file should be served with a 200: no
   * header, another unit, a syntax error, or several ranges (which RFC 9110 lets a server ignore). A last byte past
   * the end is clamped to the end.
   *
   * @throws UnsatisfiableRangeException when the range starts at or past the end, or is an empty suffix
   */
  public static Optional<ByteRange> parse(@Nullable String header, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    if (!value.toLowerCase(Locale.ROOT).startsWith(UNIT) || value.indexOf(',') >= 0) {
      return Optional.empty();
    }
    String spec = value.substring(UNIT.length()).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String from = spec.substring(0, dash).strip();
    String to = spec.substring(dash + 1).strip();
    if (from.isEmpty()) {
      return suffix(to, size, value);
    }
    if (!isDigits(from) || !(to.isEmpty() || isDigits(to))) {
      return Optional.empty();
    }
    long first = saturatingParse(from);
    long last = to.isEmpty() ? Long.MAX_VALUE : saturatingParse(to);
    if (last < first) {
      return Optional.empty();
    }
    if (first >= size) {
      throw new UnsatisfiableRangeException(value, size);
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }

  private static Optional<ByteRange> suffix(String length, long size, String header) {
    if (!isDigits(length)) {
      return Optional.empty();
    }
    long n = saturatingParse(length);
    if (n == 0 || size == 0) {
      throw new UnsatisfiableRangeException(header, size);
    }
    return Optional.of(new ByteRange(Math.max(0, size - n), size - 1));
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  // A position too large for a long is past the end of any file, so it behaves like Long.MAX_VALUE.
  private static long saturatingParse(String digits) {
    String significant = digits.replaceFirst("^0+(?=.)", "");
    return significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant);
  }

  /** The number of bytes in the range. */
  public long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} value of a 206 response: {@code bytes first-last/size}. */
  public String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }
}
