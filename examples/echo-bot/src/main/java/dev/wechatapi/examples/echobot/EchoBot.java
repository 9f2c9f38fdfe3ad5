package dev.wechatapi.examples.echobot;

import dev.wechatapi.handlers.HandlerRunner;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The echo bot: one {@link EchoHandler} on a {@link HandlerRunner} for one app. Run several copies with the same
 * group id to share the work; Ctrl-C stops a copy after the message it is on.
 *
 * <pre>{@code
 * java -jar echo-bot-exec.jar --bootstrap-servers=localhost:9092 --gateway-url=http://localhost:8080 \
 *      --app-id=$APP_ID --app-secret=$APP_SECRET
 * }</pre>
 */
public final class EchoBot {

    private static final Logger log = LoggerFactory.getLogger(EchoBot.class);

    private EchoBot() {}

    public static void main(String[] args) {
        EchoBotConfig config;
        try {
            config = EchoBotConfig.from(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(EchoBotConfig.USAGE);
            System.exit(2);
            return;
        }
        HandlerRunner runner = runner(config);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(runner::close));
        log.info("echo bot starting: {}", config);
        runner.run();
    }

    /** The bot's runner, not started yet. */
    public static HandlerRunner runner(EchoBotConfig config) {
        return HandlerRunner.builder()
                .bootstrapServers(config.bootstrapServers())
                .groupId(config.groupId())
                .appId(config.appId())
                .gateway(config.gatewayUrl(), config.appId(), config.appSecret())
                .handler(new EchoHandler())
                .build();
    }
}
