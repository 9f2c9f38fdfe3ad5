package dev.wechatapi.media.internal;

import dev.wechatapi.media.InvalidAppIdException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** The shapes of app ids and media ids, checked before either can become part of a path. */
public final class Ids {

  private static final Pattern APP_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern MEDIA_ID = Pattern.compile("[a-z2-7]{32}");
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int RANDOM_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** Returns {@code appId} when it is 32 lowercase hex characters. */
  public static String requireAppId(String appId) {
    if (appId == null || !APP_ID.matcher(appId).matches()) {
      throw new InvalidAppIdException(appId == null ? "" : appId);
    }
    return appId;
  }

  /** Whether {@code mediaId} could have been made by {@link #newMediaId()}. */
  public static boolean isMediaId(String mediaId) {
    return mediaId != null && MEDIA_ID.matcher(mediaId).matches();
  }

  /**
   * 160 random bits as 32 lowercase base32 characters: URL-safe, and distinct even on a case-insensitive
   * filesystem, which base64url ids would not be.
   */
  public static String newMediaId() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    StringBuilder id = new StringBuilder(32);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        id.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    return id.toString();
  }
}
