package dev.wechatapi.gateway.apps;

import org.jspecify.annotations.Nullable;

/**
 * A validated app about to be stored: the clear values for the operator and the secret's hash for the table.
 *
 * <pre>AppDraft draft = AppDraft.of("demo", null); // draft.app().appSecret() is shown once</pre>
 */
record AppDraft(NewApp app, SecretHash secretHash) {

  /** Longest accepted app name and token, in characters (the columns are VARCHAR(100)). */
  static final int MAX_LENGTH = 100;

  /**
   * A new id and secret for an app of this name; a null or blank token gets a random one.
   *
   * @throws IllegalArgumentException for a blank or too long name, or a token that is too long or has spaces
   */
  static AppDraft of(String appName, @Nullable String token) {
    String name = appName.strip();
    if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException("app_name must be 1 to " + MAX_LENGTH + " characters");
    }
    boolean generated = token == null || token.isBlank();
    String signatureToken = signatureToken(token);
    String secret = newSecret();
    return new AppDraft(new NewApp(AppIds.newAppId(), name, secret, signatureToken, generated), SecretHash.of(secret));
  }

  /**
   * The token signatures are computed with: this one, stripped, or a random one for a null or blank token.
   *
   * @throws IllegalArgumentException for a token that is too long or has spaces
   */
  static String signatureToken(@Nullable String token) {
    if (token == null || token.isBlank()) {
      return AppIds.randomUrlSafe(24);
    }
    String chosen = token.strip();
    if (chosen.length() > MAX_LENGTH || chosen.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("token must be at most " + MAX_LENGTH + " characters without spaces");
    }
    return chosen;
  }

  /** 256 random bits, URL-safe: the app secret. */
  static String newSecret() {
    return AppIds.randomUrlSafe(32);
  }
}
