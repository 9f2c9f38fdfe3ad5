package dev.wechatapi.gateway.cli;

import ch.qos.logback.classic.Level;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The operator commands: {@code createwechatapp}, {@code listapps}, {@code rotatesecret}, {@code update_bot}. A new
 * command is one more class in {@code subcommands}; {@link #handles} picks it up.
 *
 * <pre>int exit = GatewayCli.execute(input, out, err, "createwechatapp", "--name", "demo");</pre>
 */
@Command(
    name = "gateway-service",
    mixinStandardHelpOptions = true,
    description = "Operator commands of the wechat-api gateway. Without a command, the jar starts the gateway.",
    subcommands = {CreateWechatAppCommand.class, ListAppsCommand.class, RotateSecretCommand.class,
        UpdateBotCommand.class, CommandLine.HelpCommand.class})
public final class GatewayCli implements Runnable {

  private final BufferedReader input;

  @Spec private @Nullable CommandSpec spec;

  GatewayCli(Reader input) {
    this.input = new BufferedReader(input);
  }

  /** Whether the arguments start with one of the commands (Spring's own arguments all start with "--"). */
  public static boolean handles(String[] args) {
    return args.length > 0 && commandLine(Reader.nullReader()).getSubcommands().containsKey(args[0]);
  }

  /** Runs a command for {@code main}: console streams, and library logging kept off the output. */
  public static int runFromMain(String[] args) {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    // The driver logs a duplicate name as a warning; the command already says it in one clear line.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.mariadb.jdbc")).setLevel(Level.ERROR);
    Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
    return execute(new InputStreamReader(System.in, charset), new PrintWriter(System.out, true),
        new PrintWriter(System.err, true), args);
  }

  /** Runs a command with the given streams and returns its exit code (0 success, 1 failure, 2 usage error). */
  public static int execute(Reader input, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = commandLine(input);
    commandLine.setOut(out);
    commandLine.setErr(err);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static CommandLine commandLine(Reader input) {
    return new CommandLine(new GatewayCli(input));
  }

  /** Shows {@code prompt} and reads one line; null at the end of the input. */
  @Nullable String prompt(PrintWriter out, String prompt) {
    out.print(prompt);
    out.flush();
    try {
      return input.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void run() {
    if (spec != null) {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }
}
