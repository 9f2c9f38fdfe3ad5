package dev.wechatapi.gateway.cli;

import dev.wechatapi.gateway.apps.AppRegistry;
import dev.wechatapi.gateway.apps.DuplicateAppNameException;
import dev.wechatapi.gateway.apps.NewApp;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code createwechatapp}: registers an app and prints its {@code app_id} and {@code app_secret}, one per line.
 * Without {@code --name} it asks for the name and the token, like the original's management command.
 */
@Command(
    name = "createwechatapp",
    mixinStandardHelpOptions = true,
    description = "Creates an app and prints its app_id and app_secret (the secret is shown only this once).")
final class CreateWechatAppCommand implements Callable<Integer> {

  @ParentCommand private @Nullable GatewayCli cli;

  @Spec private @Nullable CommandSpec spec;

  @Mixin private DatabaseOptions database = new DatabaseOptions();

  @Option(names = "--name", paramLabel = "<app_name>", description = "Unique name of the app; asked for if absent.")
  private @Nullable String name;

  @Option(names = "--token", paramLabel = "<token>",
      description = "Token for signature authentication; generated if absent or empty.")
  private @Nullable String token;

  @Override
  public Integer call() {
    PrintWriter out = spec().commandLine().getOut();
    PrintWriter err = spec().commandLine().getErr();
    String appName = name;
    String appToken = token;
    if (appName == null) {
      appName = cli().prompt(out, "app_name: ");
      if (appName == null || appName.isBlank()) {
        err.println("error: app_name is required");
        return 1;
      }
      if (appToken == null) {
        appToken = cli().prompt(out, "token (empty: generate one): ");
      }
      out.println();
    }
    try {
      NewApp app = new AppRegistry(database.dataSource()).migrate().register(appName, appToken);
      out.println("app_name: " + app.appName());
      out.println("app_id: " + app.appId());
      out.println("app_secret: " + app.appSecret());
      out.println("token: " + app.token());
      err.println("Keep the app_secret now: only its hash is stored, it cannot be shown again.");
      return 0;
    } catch (DuplicateAppNameException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (SQLException | FlywayException e) {
      err.println("error: cannot use the database at " + database.url + ": " + e.getMessage());
      return 1;
    }
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli injects the spec before call()");
    }
    return spec;
  }

  private GatewayCli cli() {
    if (cli == null) {
      throw new IllegalStateException("createwechatapp runs as a subcommand of GatewayCli");
    }
    return cli;
  }
}
