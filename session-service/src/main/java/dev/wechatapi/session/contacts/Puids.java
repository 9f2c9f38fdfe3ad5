package dev.wechatapi.session.contacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Derives puids: the first 12 hex characters of the SHA-256 of a contact's login-independent identity key, so the
 * same person gets the same puid after every login although WeChat hands out new user names each time.
 */
final class Puids {

    private Puids() {}

    static String of(String identityKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identityKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
