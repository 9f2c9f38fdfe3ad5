package dev.wechatapi.gateway.tokens;

import reactor.core.publisher.Mono;

/**
 * Issues, resolves and revokes access tokens: in Redis ({@link RedisAccessTokens}, shared by every gateway replica)
 * or in memory ({@link MemoryAccessTokens}, one gateway without Redis).
 *
 * <pre>accessTokens.issue(appId).map(AccessToken::accessToken); accessTokens.resolve(token) // app id</pre>
 */
public interface AccessTokens {

  /** Longer than any token we issue; anything longer is refused without asking the store. */
  int MAX_TOKEN_LENGTH = 128;

  /** A new token for the app; its previous token stops working after the grace period. */
  Mono<AccessToken> issue(String appId);

  /** The app id the token was issued to; empty if it is unknown, expired or retired. */
  Mono<String> resolve(String token);

  /** Makes every token issued to the app so far stop working at once, on every replica; answers how many. */
  Mono<Long> revokeAll(String appId);

  /** Makes this one token stop working at once. */
  Mono<Void> revoke(String token);

  /** Whether the string can be a token at all, before any store is asked. */
  static boolean plausible(String token) {
    return !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH;
  }
}
