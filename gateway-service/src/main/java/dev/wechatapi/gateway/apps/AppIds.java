package dev.wechatapi.gateway.apps;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The shapes of app ids and of the random credentials the gateway hands out. */
public final class AppIds {

  private static final Pattern APP_ID = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private AppIds() {}

  /** 32 lowercase hex characters (the original's 36-character UUIDs did not fit a strict MySQL column). */
  public static String newAppId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public static boolean isAppId(String candidate) {
    return APP_ID.matcher(candidate).matches();
  }

  /** {@code bytes} random bytes, URL-safe Base64 without padding: usable as-is in a query string. */
  public static String randomUrlSafe(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
