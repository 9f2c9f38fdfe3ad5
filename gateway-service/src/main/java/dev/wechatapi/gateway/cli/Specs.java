package dev.wechatapi.gateway.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/** The output streams of a command, from the spec picocli injects before {@code call()}. */
final class Specs {

  private Specs() {}

  static PrintWriter out(@Nullable CommandSpec spec) {
    return injected(spec).commandLine().getOut();
  }

  static PrintWriter err(@Nullable CommandSpec spec) {
    return injected(spec).commandLine().getErr();
  }

  private static CommandSpec injected(@Nullable CommandSpec spec) {
    if (spec == null) {
      throw new IllegalStateException("picocli injects the spec before call()");
    }
    return spec;
  }
}
