package dev.wechatapi.gateway.cli;

import dev.wechatapi.gateway.apps.AppRegistry;
import dev.wechatapi.gateway.apps.AppSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code update_bot <app_name>}: asks session-service to reload the app's friends, groups and official accounts
 * ({@code GET <session-uri>/update} as that app, the same call as the public {@code /update}) and prints the outcome.
 */
@Command(name = "update_bot", mixinStandardHelpOptions = true,
    description = "Refreshes an app's friends, groups and official accounts from WeChat, as GET /update does.")
final class UpdateBotCommand implements Callable<Integer> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec private @Nullable CommandSpec spec;

  @Mixin private DatabaseOptions database = new DatabaseOptions();

  @Parameters(index = "0", paramLabel = "<app_name>", description = "Name of the app.")
  private String appName = "";

  @Option(names = "--session-uri", paramLabel = "<url>",
      defaultValue = "${sys:wechat.gateway.session-uri:-${env:WECHAT_GATEWAY_SESSION_URI:-http://localhost:8081}}",
      description = "Where session-service listens (default: ${DEFAULT-VALUE}).")
  private URI sessionUri = URI.create("http://localhost:8081");

  @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "120",
      description = "How long to wait for the refresh (default: ${DEFAULT-VALUE} s).")
  private int timeoutSeconds = 120;

  @Override
  public Integer call() {
    PrintWriter out = Specs.out(spec);
    PrintWriter err = Specs.err(spec);
    Optional<AppSummary> app;
    try {
      app = new AppRegistry(database.dataSource()).migrate().findByName(appName);
    } catch (SQLException | FlywayException e) {
      err.println(database.unusable(e));
      return 1;
    }
    if (app.isEmpty()) {
      err.println("error: no app named '" + appName + "'");
      return 1;
    }
    out.println("app_name: " + app.get().appName());
    out.println("app_id: " + app.get().appId());
    URI update = sessionUri.resolve("/update");
    HttpResponse<String> response;
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpRequest request = HttpRequest.newBuilder(update)
          .timeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)))
          .header("X-Wechat-App-Id", app.get().appId())
          .header("Accept", "application/json")
          .GET()
          .build();
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      err.println("error: cannot reach session-service at " + update + ": " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted while waiting for session-service");
      return 1;
    }
    if (response.statusCode() / 100 != 2) {
      err.println("error: session-service answered " + response.statusCode() + ": " + message(response.body()));
      return 1;
    }
    out.println("update: " + response.statusCode() + " " + message(response.body()));
    return 0;
  }

  /** The {@code msg} or {@code errmsg} of a JSON answer; the raw body otherwise. */
  private static String message(String body) {
    try {
      JsonNode answer = JSON.readTree(body);
      JsonNode text = answer.has("msg") ? answer.get("msg") : answer.path("errmsg");
      if (text.isString()) {
        return text.asString();
      }
      if (text.isArray() && !text.isEmpty()) {
        return String.join(" ", text.valueStream().map(JsonNode::asString).toList());
      }
    } catch (JacksonException e) {
      // Not JSON: a proxy's page or plain text, shown as it came.
    }
    return body.strip();
  }
}
