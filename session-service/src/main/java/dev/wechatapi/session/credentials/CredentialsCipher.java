package dev.wechatapi.session.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for saved sessions: a random 12-byte nonce before the ciphertext, the app id as associated data, so a
 * record copied under another app's key fails to decrypt instead of resuming the wrong account.
 */
final class CredentialsCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    CredentialsCipher(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wechat.session.credentials-key is not base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(
                    "wechat.session.credentials-key must be 32 bytes (base64), got " + raw.length);
        }
        key = new SecretKeySpec(raw, "AES");
    }

    byte[] encrypt(String appId, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, appId, nonce, plain);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** @throws IllegalStateException when the record was not sealed with this key for this app */
    byte[] decrypt(String appId, byte[] record) {
        if (record.length <= NONCE_BYTES) {
            throw new IllegalStateException("saved session of app " + appId + " is too short");
        }
        byte[] nonce = java.util.Arrays.copyOf(record, NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, appId, nonce,
                java.util.Arrays.copyOfRange(record, NONCE_BYTES, record.length));
    }

    private byte[] run(int mode, String appId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(appId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("saved session of app " + appId + " cannot be opened with this key", e);
        }
    }
}
