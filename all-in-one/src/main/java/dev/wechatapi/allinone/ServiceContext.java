package dev.wechatapi.allinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.UrlResource;

/**
 * Runs one service as its own Spring application context in this JVM. All services share one class path, where
 * each has an {@code application.yml} of its own: the context is given its service's file (found next to its
 * application class) as its lowest-precedence settings, and looks for overrides under the service's name
 * ({@code config/<service>.yml}) instead of {@code application.yml}.
 *
 * <pre>ServiceContext.run("archive-service", ArchiveApplication.class, Map.of("server.port", 8082))</pre>
 */
final class ServiceContext {

  private ServiceContext() {}

  static ConfigurableApplicationContext run(String service, Class<?> application, Map<String, Object> settings) {
    List<PropertySource<?>> defaults = ownDefaults(application);
    List<String> args = new ArrayList<>();
    args.add("--spring.config.name=" + service);
    settings.forEach((name, value) -> args.add("--" + name + "=" + value));
    return new SpringApplicationBuilder(application)
        .bannerMode(Banner.Mode.OFF)
        .registerShutdownHook(false)
        .initializers(context -> defaults.forEach(context.getEnvironment().getPropertySources()::addLast))
        .run(args.toArray(String[]::new));
  }

  private static List<PropertySource<?>> ownDefaults(Class<?> application) {
    URL home = application.getProtectionDomain().getCodeSource().getLocation();
    try {
      for (URL candidate : Collections.list(application.getClassLoader().getResources("application.yml"))) {
        if (candidate.toString().startsWith(home.toString())) {
          return new YamlPropertySourceLoader().load("application.yml of " + application.getSimpleName(),
              new UrlResource(candidate));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no application.yml next to " + application.getName() + " (in " + home + ")");
  }
}
