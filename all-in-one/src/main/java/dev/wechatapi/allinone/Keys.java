package dev.wechatapi.allinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The secrets the services share, drawn on the first start and kept in the data directory (readable by its owner
 * only), so that saved sessions, media links and QR code links still work after a restart.
 *
 * @param credentialsKey encrypts the saved sessions (32 bytes, base64)
 * @param mediaLinkSecret signs media links
 * @param qrLinkSecret signs QR code links
 */
record Keys(String credentialsKey, String mediaLinkSecret, String qrLinkSecret) {

  static Keys in(Path dataDirectory) {
    Path file = dataDirectory.resolve("keys.properties");
    try {
      Properties keys = new Properties();
      if (Files.exists(file)) {
        try (var in = Files.newBufferedReader(file)) {
          keys.load(in);
        }
      }
      boolean drawn = putIfAbsent(keys, "credentials-key", () -> Base64.getEncoder().encodeToString(random(32)))
          | putIfAbsent(keys, "media-link-secret", () -> HexFormat.of().formatHex(random(32)))
          | putIfAbsent(keys, "qr-link-secret", () -> HexFormat.of().formatHex(random(32)));
      if (drawn) {
        Files.createDirectories(dataDirectory);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newBufferedWriter(file)) {
          keys.store(out, "secrets of the all-in-one mode; losing credentials-key means every account scans again");
        }
      }
      return new Keys(keys.getProperty("credentials-key"), keys.getProperty("media-link-secret"),
          keys.getProperty("qr-link-secret"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean putIfAbsent(Properties keys, String name, java.util.function.Supplier<String> value) {
    if (keys.getProperty(name) != null) {
      return false;
    }
    keys.setProperty(name, value.get());
    return true;
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
