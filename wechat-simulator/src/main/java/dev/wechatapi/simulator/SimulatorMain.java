package dev.wechatapi.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own:
 * {@code java -jar wechat-simulator-exec.jar --port 8090 [--host 0.0.0.0] [--login-poll-hold 25s]
 * [--sync-check-hold 25s] [--qr-lifetime 5m] [--contact-page-size 200] [--public-url http://host:8090] [--revoke-window 2m]
 * [--require-extspam true]}.
 * Prints its base URL and runs until killed.
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException badArgument) {
            System.err.println(badArgument.getMessage());
            System.err.println("usage: SimulatorMain [--port 8090] [--host 0.0.0.0] [--login-poll-hold 25s]"
                    + " [--sync-check-hold 25s] [--qr-lifetime 5m] [--contact-page-size 200] [--public-url URL] [--revoke-window 2m]"
                    + " [--require-extspam true]");
            System.exit(2);
            return;
        }
        var simulator = WeChatSimulator.start(config);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("wechat-simulator listening on " + simulator.baseUrl());
        System.out.flush();
        stopped.await();
    }

    static SimulatorConfig parse(String[] args) {
        SimulatorConfig config = SimulatorConfig.defaults().withHost("0.0.0.0").withPort(8090);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value;
            int eq = option.indexOf('=');
            if (eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(option + " needs a value");
            }
            config = switch (option) {
                case "--port" -> config.withPort(integer(option, value));
                case "--host" -> config.withHost(value);
                case "--login-poll-hold" -> config.withLoginPollHold(duration(option, value));
                case "--sync-check-hold" -> config.withSyncCheckHold(duration(option, value));
                case "--qr-lifetime" -> config.withQrLifetime(duration(option, value));
                case "--contact-page-size" -> config.withContactPageSize(integer(option, value));
                case "--public-url" -> config.withPublicBaseUrl(URI.create(value));
                case "--revoke-window" -> config.withRevokeWindow(duration(option, value));
                case "--require-extspam" -> config.withRequireExtspam(Boolean.parseBoolean(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            };
        }
        return config;
    }

    /** {@code 500ms}, {@code 25s}, {@code 5m}, or a plain number of seconds. */
    static Duration duration(String option, String value) {
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notADuration) {
            throw new IllegalArgumentException(option + " takes a duration such as 500ms, 25s or 5m, not " + value);
        }
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " takes a number, not " + value);
        }
    }
}
