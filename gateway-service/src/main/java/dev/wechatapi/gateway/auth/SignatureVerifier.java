package dev.wechatapi.gateway.auth;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.apps.App;
import dev.wechatapi.gateway.apps.AppStore;
import dev.wechatapi.gateway.store.SharedValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks the original's signature: sha1 hex of the sorted concatenation of [token, timestamp(, nonce)], with the
 * timestamp (seconds since the epoch) inside a window around now and each nonce used once.
 */
@Component
class SignatureVerifier {

  static final String NONCE_KEY = "wechat:gateway:nonce:";

  private final AppStore apps;
  private final SharedValues nonces;
  private final Duration window;
  private final Clock clock;

  SignatureVerifier(AppStore apps, SharedValues nonces, WechatGatewayProperties properties) {
    this.apps = apps;
    this.nonces = nonces;
    this.window = properties.signatureWindow();
    this.clock = Clock.systemUTC();
  }

  /** The app id the signature proves; an {@code ApiException} 401 otherwise. */
  Mono<String> verify(Credentials.Signature signature) {
    if (!withinWindow(signature.timestamp())) {
      return Mono.error(AuthFailures.staleTimestamp());
    }
    return apps.findById(signature.appId())
        .filter(app -> signs(app, signature))
        .switchIfEmpty(Mono.error(AuthFailures::invalidSignature))
        .flatMap(app -> claimNonce(signature).thenReturn(app.appId()));
  }

  // The original accepted any future timestamp forever; a window in both directions bounds replays.
  private boolean withinWindow(String timestamp) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    long now = clock.instant().getEpochSecond();
    return Math.abs(now - seconds) <= window.toSeconds();
  }

  private static boolean signs(App app, Credentials.Signature signature) {
    List<String> parts = new ArrayList<>(List.of(app.token(), signature.timestamp()));
    if (signature.nonce() != null) {
      parts.add(signature.nonce());
    }
    parts.sort(null);
    byte[] expected = HexFormat.of().formatHex(sha1(String.join("", parts))).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = signature.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, presented);
  }

  // A nonce is remembered for twice the window: after that its timestamp is outside the window anyway.
  // It is only claimed once the signature is valid, so nobody can burn another app's nonces.
  private Mono<Void> claimNonce(Credentials.Signature signature) {
    if (signature.nonce() == null) {
      return Mono.empty();
    }
    String key = NONCE_KEY + signature.appId() + ":" + signature.nonce();
    return nonces.putIfAbsent(key, signature.timestamp(), window.multipliedBy(2))
        .flatMap(fresh -> fresh ? Mono.<Void>empty() : Mono.error(AuthFailures.reusedNonce()));
  }

  private static byte[] sha1(String value) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-1", e);
    }
  }
}
