package dev.wechatapi.gateway.tokens;

import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Revokes every access token of an app at once, when its secret is rotated. One Redis script, so that the gateway
 * (reactive) and the operator CLI (blocking) revoke the same way, and every gateway replica sees it at once.
 *
 * <pre>redis.execute(TokenRevocation.SCRIPT, TokenRevocation.keys(appId), TokenRevocation.arguments())</pre>
 */
public final class TokenRevocation {

  /** Deletes each token in the app's issued set, then the set and the app's current-token key; answers how many. */
  public static final RedisScript<Long> SCRIPT = RedisScript.of("""
      local tokens = redis.call('ZRANGE', KEYS[1], 0, -1)
      for _, token in ipairs(tokens) do
        redis.call('DEL', ARGV[1] .. token)
      end
      redis.call('DEL', KEYS[1], KEYS[2])
      return #tokens
      """, Long.class);

  private TokenRevocation() {}

  /** The script's keys: the app's set of issued tokens and its current-token key. */
  public static List<String> keys(String appId) {
    return List.of(RedisAccessTokens.ISSUED_KEY + appId, RedisAccessTokens.CURRENT_KEY + appId);
  }

  /** The script's arguments: the prefix of the token keys. */
  public static List<String> arguments() {
    return List.of(RedisAccessTokens.TOKEN_KEY);
  }
}
