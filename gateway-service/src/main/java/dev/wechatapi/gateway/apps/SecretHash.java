package dev.wechatapi.gateway.apps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An app secret as stored: SHA-256 over a per-app salt and the secret. The secrets are 256 random bits generated
 * by the gateway, so a slow password hash would only cost CPU on every {@code /access_token} call without making
 * a guess any more likely.
 *
 * <pre>SecretHash stored = SecretHash.of(secret); stored.matches(candidate);</pre>
 *
 * @param salt 16 random bytes, hex
 * @param hash SHA-256(salt bytes + UTF-8 secret), hex
 */
public record SecretHash(String salt, String hash) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  public static SecretHash of(String secret) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new SecretHash(HEX.formatHex(salt), HEX.formatHex(digest(salt, secret)));
  }

  /** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
  public boolean matches(String candidate) {
    byte[] expected = HEX.parseHex(hash);
    return MessageDigest.isEqual(expected, digest(HEX.parseHex(salt), candidate));
  }

  private static byte[] digest(byte[] salt, String secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      return sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
