package dev.wechatapi.gateway.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The headers that make stored, untrusted content safe to serve: a usable {@code Content-Type} and a
 * {@code Content-Disposition} that shows only pictures, sound and video in place.
 *
 * <pre>MediaType type = MediaHeaders.contentType(media.contentType());
 * String disposition = MediaHeaders.disposition(type, media.fileName());</pre>
 */
final class MediaHeaders {

  private static final Set<String> INLINE_TYPES = Set.of("image", "audio", "video");
  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private MediaHeaders() {}

  /**
   * The declared type when it is a concrete media type; {@code application/octet-stream} for anything an uploader
   * declared that cannot be sent as a {@code Content-Type} (unparseable, or a wildcard).
   */
  static MediaType contentType(String declared) {
    try {
      MediaType type = MediaType.parseMediaType(declared);
      return type.isConcrete() ? type : MediaType.APPLICATION_OCTET_STREAM;
    } catch (InvalidMediaTypeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }

  /**
   * {@code inline} for pictures, sound and video, {@code attachment} for everything else, with the file name as an
   * ASCII {@code filename} for old clients and an RFC 5987 {@code filename*=UTF-8''...} for every other.
   */
  static String disposition(MediaType type, @Nullable String fileName) {
    String disposition = showsInPlace(type) ? "inline" : "attachment";
    if (fileName == null || fileName.isBlank()) {
      return disposition;
    }
    return disposition + "; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encoded(fileName);
  }

  // SVG is an image that runs scripts when opened as a page, so it is downloaded like any document.
  private static boolean showsInPlace(MediaType type) {
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    return INLINE_TYPES.contains(type.getType().toLowerCase(Locale.ROOT))
        && !subtype.contains("svg") && !subtype.contains("xml");
  }

  private static String asciiFallback(String fileName) {
    StringBuilder ascii = new StringBuilder(fileName.length());
    fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    return ascii.toString();
  }

  // RFC 5987 section 3.2.1: attr-char as is, every other UTF-8 byte as %XX.
  private static String encoded(String fileName) {
    StringBuilder out = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
