package dev.wechatapi.gateway.cli;

import dev.wechatapi.gateway.apps.AppRegistry;
import dev.wechatapi.gateway.apps.RotatedSecret;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rotatesecret <app_name>}: gives the app a new secret and prints it once. The previous secret stops
 * issuing tokens at once; tokens already issued keep working until they expire.
 */
@Command(name = "rotatesecret", mixinStandardHelpOptions = true,
    description = "Gives an app a new app_secret and prints it (shown only this once).")
final class RotateSecretCommand implements Callable<Integer> {

  @Spec private @Nullable CommandSpec spec;

  @Mixin private DatabaseOptions database = new DatabaseOptions();

  @Parameters(index = "0", paramLabel = "<app_name>", description = "Name of the app.")
  private String appName = "";

  @Override
  public Integer call() {
    PrintWriter out = Specs.out(spec);
    PrintWriter err = Specs.err(spec);
    try {
      Optional<RotatedSecret> rotated = new AppRegistry(database.dataSource()).migrate().rotateSecret(appName);
      if (rotated.isEmpty()) {
        err.println("error: no app named '" + appName + "'");
        return 1;
      }
      out.println("app_name: " + rotated.get().appName());
      out.println("app_id: " + rotated.get().appId());
      out.println("app_secret: " + rotated.get().appSecret());
      err.println("Keep the app_secret now: only its hash is stored, it cannot be shown again.");
      return 0;
    } catch (SQLException | FlywayException e) {
      err.println(database.unusable(e));
      return 1;
    }
  }
}
