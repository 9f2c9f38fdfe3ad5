package dev.wechatapi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run a {@link LocalStack}: ports, databases, where data and logs go, and whether the session service
 * talks to the simulator or to real WeChat.
 *
 * @param temporary whether the broker's data is deleted when the stack stops (the logs are kept)
 */
public record StackOptions(
        int gatewayPort,
        int sessionPort,
        int archivePort,
        int simulatorPort,
        int kafkaPort,
        boolean simulator,
        Database gatewayDatabase,
        Database archiveDatabase,
        String redisHost,
        int redisPort,
        Path dataDirectory,
        boolean temporary) {

    /** Free ports, fresh databases and a temporary directory: for tests. */
    public static StackOptions forTests() {
        try {
            return new StackOptions(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), true,
                    TestMariaDb.newDatabase("e2e_gateway"), TestMariaDb.newDatabase("e2e_archive"),
                    TestRedis.host(), TestRedis.port(), Files.createTempDirectory("wechat-api-e2e"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The documented default ports and databases, data under {@code .data/}: for {@code ./dev up}.
     * {@code --real-wechat} points the session service at WeChat instead of the simulator.
     */
    public static StackOptions forDevelopment(List<String> args) {
        boolean simulator = !args.contains("--real-wechat");
        Path data = ProjectLayout.locate().root().resolve(".data");
        String dbHost = Infrastructure.env("WECHAT_API_DB_HOST", "127.0.0.1");
        int dbPort = Integer.parseInt(Infrastructure.env("WECHAT_API_DB_PORT", "3306"));
        String dbUser = Infrastructure.env("WECHAT_API_DB_USER", "root");
        String dbPassword = Infrastructure.env("WECHAT_API_DB_PASSWORD", "");
        return new StackOptions(8080, 8081, 8082, 8090, 9092, simulator,
                new Database("wechat_gateway", dbHost, dbPort, dbUser, dbPassword),
                new Database("wechat_archive", dbHost, dbPort, dbUser, dbPassword),
                Infrastructure.env("WECHAT_API_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(Infrastructure.env("WECHAT_API_REDIS_PORT", "6379")),
                data,
                false);
    }
}
