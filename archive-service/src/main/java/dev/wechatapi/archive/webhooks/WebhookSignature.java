package dev.wechatapi.archive.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: {@code X-Wechat-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * {@code "<X-Wechat-Timestamp>.<body>"} keyed with the app's secret (the 64 hex characters as given, as UTF-8
 * bytes). A receiver computes the same over the raw body and compares in constant time, and refuses timestamps
 * too far from its clock, so a captured request cannot be replayed later.
 *
 * <pre>{@code
 * String header = WebhookSignature.header(secret, 1732500000L, bodyBytes); // "sha256=5f1c..."
 * }</pre>
 */
public final class WebhookSignature {

    /** The prefix of the header's value, naming the algorithm. */
    public static final String SCHEME = "sha256=";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** The {@code X-Wechat-Signature} value of a body sent at {@code timestamp} (Unix seconds). */
    public static String header(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A new secret: 32 random bytes as 64 lowercase hex characters. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
