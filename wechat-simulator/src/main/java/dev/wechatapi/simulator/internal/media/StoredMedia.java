package dev.wechatapi.simulator.internal.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bytes the simulator serves for a message or received through an upload.
 *
 * @param thumbnail the small picture {@code webwxgetmsgimg?type=slave} serves (images, videos), else null
 */
public record StoredMedia(byte[] bytes, String contentType, String fileName, byte[] thumbnail) {

    public String sha256() {
        return digest("SHA-256");
    }

    public String md5() {
        return digest("MD5");
    }

    private String digest(String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
