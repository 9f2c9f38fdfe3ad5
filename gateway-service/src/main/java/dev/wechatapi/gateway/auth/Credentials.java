package dev.wechatapi.gateway.auth;

import org.jspecify.annotations.Nullable;

/** What a request presented to prove which app it comes from. */
sealed interface Credentials {

  /** An access token from {@code ?access_token=} or {@code Authorization: Bearer}. */
  record Token(String value) implements Credentials {}

  /**
   * The original's signature authentication: {@code signature = sha1(sorted [token, timestamp, nonce])}.
   *
   * @param nonce optional, as in the original; when present it can be used only once
   */
  record Signature(String appId, String timestamp, @Nullable String nonce, String signature)
      implements Credentials {}

  /** Nothing that looks like a credential. */
  record Missing() implements Credentials {}
}
