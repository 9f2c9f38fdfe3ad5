package dev.wechatapi.gateway.cli;

import dev.wechatapi.gateway.apps.AppRegistry;
import dev.wechatapi.gateway.apps.AppSummary;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code listapps}: one line per app, oldest first: its id, when it was created and its name. Never a secret. */
@Command(name = "listapps", mixinStandardHelpOptions = true,
    description = "Lists the apps: app_id, created_at and app_name, tab-separated, oldest first.")
final class ListAppsCommand implements Callable<Integer> {

  @Spec private @Nullable CommandSpec spec;

  @Mixin private DatabaseOptions database = new DatabaseOptions();

  @Override
  public Integer call() {
    PrintWriter out = Specs.out(spec);
    try {
      List<AppSummary> apps = new AppRegistry(database.dataSource()).migrate().list();
      out.println("app_id\tcreated_at\tapp_name");
      for (AppSummary app : apps) {
        out.println(app.appId() + "\t" + app.createdAt() + "\t" + app.appName());
      }
      return 0;
    } catch (SQLException | FlywayException e) {
      Specs.err(spec).println(database.unusable(e));
      return 1;
    }
  }
}
