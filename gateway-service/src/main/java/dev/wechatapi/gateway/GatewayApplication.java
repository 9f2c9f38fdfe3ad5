package dev.wechatapi.gateway;

import dev.wechatapi.gateway.cli.GatewayCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs the gateway, or an operator command when the first argument names one.
 *
 * <pre>java -jar gateway-service-exec.jar createwechatapp --name demo</pre>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  public static void main(String[] args) {
    // Operator commands only need JDBC: starting Netty, Redis and the routes for them would be slow and
    // would fail on a machine where only the database is reachable.
    if (GatewayCli.handles(args)) {
      System.exit(GatewayCli.runFromMain(args));
    }
    SpringApplication.run(GatewayApplication.class, args);
  }
}
