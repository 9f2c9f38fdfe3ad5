package dev.wechatapi.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring media links: a URL that cannot be guessed or altered and still works in an {@code <img>} tag,
 * because it carries its own proof instead of the app's credential.
 *
 * <p>The signature is HMAC-SHA256 over the app id, the media id and the expiry. Links are signed with the first
 * secret and verified against every secret, so a new secret is rolled out by putting it first and the old one
 * removed once the links it signed have expired.
 *
 * <p>Usage:
 * <pre>{@code
 * MediaLinks links = new MediaLinks(List.of(currentSecret, previousSecret));
 * String url = "/media/" + mediaId + "?app=" + appId + "&" + links.sign(appId, mediaId, now.plus(Duration.ofHours(1)));
 * boolean ok = links.verify(appId, mediaId, exp, sig, Instant.now());
 * }</pre>
 */
public final class MediaLinks {

  /** The shortest secret accepted, in UTF-8 bytes: as many as the HMAC-SHA256 output. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

  private final List<SecretKeySpec> keys;

  /**
   * @param secrets the signing secrets, newest first; each at least {@value #MIN_SECRET_BYTES} UTF-8 bytes
   */
  public MediaLinks(List<String> secrets) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one media link secret is required");
    }
    this.keys = secrets.stream().map(MediaLinks::key).toList();
  }

  private static SecretKeySpec key(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "a media link secret needs at least " + MIN_SECRET_BYTES + " bytes, got " + bytes.length);
    }
    return new SecretKeySpec(bytes, ALGORITHM);
  }

  /**
   * The query string part that authorises {@code mediaId} of {@code appId} until {@code expiresAt} (to the second):
   * {@code exp=<epoch seconds>&sig=<base64url>}. Both values are URL-safe as they are.
   */
  public String sign(String appId, String mediaId, Instant expiresAt) {
    long exp = expiresAt.getEpochSecond();
    return "exp=" + exp + "&sig=" + BASE64URL.encodeToString(mac(keys.getFirst(), appId, mediaId, exp));
  }

  /**
   * Whether {@code sig} was made by one of the secrets for exactly this app, media id and expiry, and the link has
   * not expired at {@code now}. The comparison takes the same time wherever the signatures differ.
   */
  public boolean verify(String appId, String mediaId, long exp, String sig, Instant now) {
    if (!now.isBefore(Instant.ofEpochSecond(exp))) {
      return false;
    }
    byte[] presented;
    try {
      presented = BASE64URL_DECODER.decode(sig);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    boolean valid = false;
    // Every key is tried even after a match so the time taken does not reveal which secret signed the link.
    for (SecretKeySpec key : keys) {
      valid |= MessageDigest.isEqual(mac(key, appId, mediaId, exp), presented);
    }
    return valid;
  }

  // Length prefixes keep the fields apart whatever characters a tampered id contains.
  private static byte[] mac(SecretKeySpec key, String appId, String mediaId, long exp) {
    String message = "media-link-v1:" + appId.length() + ":" + appId + ":" + mediaId.length() + ":" + mediaId
        + ":" + exp;
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
