package dev.wechatapi.gateway.cli;

import dev.wechatapi.gateway.apps.AppRegistry;
import dev.wechatapi.gateway.apps.RotatedSecret;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rotatesecret <app_name>}: gives the app a new secret and a new signature token, prints them once, and
 * revokes every access token issued before (in Redis, so on every gateway replica at once). The previous secret
 * stops issuing tokens and the previous signature token stops signing at once.
 */
@Command(name = "rotatesecret", mixinStandardHelpOptions = true,
    description = "Gives an app a new app_secret and signature token, prints them (shown only this once) and "
        + "revokes the app's access tokens.")
final class RotateSecretCommand implements Callable<Integer> {

  @Spec private @Nullable CommandSpec spec;

  @Mixin private DatabaseOptions database = new DatabaseOptions();

  @Mixin private RedisOptions redis = new RedisOptions();

  @Parameters(index = "0", paramLabel = "<app_name>", description = "Name of the app.")
  private String appName = "";

  @Option(names = "--token", paramLabel = "<token>",
      description = "The new signature token (default: a random one).")
  private @Nullable String token;

  @Override
  public Integer call() {
    PrintWriter out = Specs.out(spec);
    PrintWriter err = Specs.err(spec);
    // Redis is asked first: a new secret whose old tokens could not be revoked would be a rotation half done.
    try {
      redis.ping();
    } catch (DataAccessException e) {
      err.println(redis.unusable(e));
      return 1;
    }
    Optional<RotatedSecret> rotated;
    try {
      rotated = new AppRegistry(database.dataSource()).migrate().rotateSecret(appName, token);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (SQLException | FlywayException e) {
      err.println(database.unusable(e));
      return 1;
    }
    if (rotated.isEmpty()) {
      err.println("error: no app named '" + appName + "'");
      return 1;
    }
    out.println("app_name: " + rotated.get().appName());
    out.println("app_id: " + rotated.get().appId());
    out.println("app_secret: " + rotated.get().appSecret());
    out.println("token: " + rotated.get().token());
    err.println("Keep the app_secret now: only its hash is stored, it cannot be shown again.");
    try {
      out.println("revoked_tokens: " + redis.revokeTokens(rotated.get().appId()));
      return 0;
    } catch (DataAccessException e) {
      err.println(redis.unusable(e));
      err.println("error: the app's access tokens were not revoked; run rotatesecret again once Redis answers.");
      return 1;
    }
  }
}
