package dev.wechatapi.gateway.cli;

import dev.wechatapi.gateway.tokens.TokenRevocation;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import picocli.CommandLine.Option;

/**
 * Where the gateway's Redis is, for commands that change what it holds (the access tokens). Defaults come from the
 * same settings the gateway uses: the system properties {@code spring.data.redis.host/port/password} or the
 * environment variables {@code SPRING_DATA_REDIS_HOST/PORT/PASSWORD}.
 */
final class RedisOptions {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Option(
      names = "--redis-host",
      paramLabel = "<host>",
      defaultValue = "${sys:spring.data.redis.host:-${env:SPRING_DATA_REDIS_HOST:-127.0.0.1}}",
      description = "Redis host of the gateway (default: ${DEFAULT-VALUE}).")
  String host = "";

  @Option(
      names = "--redis-port",
      paramLabel = "<port>",
      defaultValue = "${sys:spring.data.redis.port:-${env:SPRING_DATA_REDIS_PORT:-6379}}",
      description = "Redis port (default: ${DEFAULT-VALUE}).")
  int port = 6379;

  @Option(
      names = "--redis-password",
      paramLabel = "<password>",
      defaultValue = "${sys:spring.data.redis.password:-${env:SPRING_DATA_REDIS_PASSWORD:-}}",
      description = "Redis password (default: none).")
  String password = "";

  /** Checks that Redis answers, before anything is changed that would need it afterwards. */
  void ping() {
    run(redis -> redis.execute((RedisCallback<String>) connection -> connection.ping()));
  }

  /** Revokes every access token of the app ({@link TokenRevocation}); answers how many there were. */
  long revokeTokens(String appId) {
    Long revoked = run(redis -> redis.execute(TokenRevocation.SCRIPT, TokenRevocation.keys(appId),
        TokenRevocation.arguments().toArray()));
    return revoked == null ? 0 : revoked;
  }

  /** The one line a command prints when Redis cannot be used. */
  String unusable(Exception failure) {
    return "error: cannot use Redis at " + host + ":" + port + ": " + failure.getMessage();
  }

  private <T> T run(Function<StringRedisTemplate, T> work) {
    RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, port);
    if (!password.isEmpty()) {
      server.setPassword(password);
    }
    LettuceConnectionFactory connections = new LettuceConnectionFactory(server,
        LettuceClientConfiguration.builder().commandTimeout(TIMEOUT).build());
    connections.afterPropertiesSet();
    try {
      StringRedisTemplate redis = new StringRedisTemplate(connections);
      return work.apply(redis);
    } finally {
      connections.destroy();
    }
  }
}
