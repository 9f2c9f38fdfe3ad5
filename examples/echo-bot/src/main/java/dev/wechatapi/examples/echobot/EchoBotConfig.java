package dev.wechatapi.examples.echobot;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the bot reads and answers. Each setting comes from a {@code --name=value} argument or else from its
 * environment variable:
 *
 * <table>
 * <tr><th>argument</th><th>environment</th><th>default</th></tr>
 * <tr><td>--bootstrap-servers</td><td>WECHAT_KAFKA_BOOTSTRAP_SERVERS</td><td>localhost:9092</td></tr>
 * <tr><td>--gateway-url</td><td>WECHAT_GATEWAY_URL</td><td>http://localhost:8080</td></tr>
 * <tr><td>--app-id</td><td>WECHAT_APP_ID</td><td>required</td></tr>
 * <tr><td>--app-secret</td><td>WECHAT_APP_SECRET</td><td>required</td></tr>
 * <tr><td>--group-id</td><td>ECHO_BOT_GROUP_ID</td><td>echo-bot-&lt;app id&gt;</td></tr>
 * </table>
 */
public record EchoBotConfig(String bootstrapServers, URI gatewayUrl, String appId, String appSecret, String groupId) {

    static final String USAGE = """
            usage: echo-bot [--bootstrap-servers=host:port] [--gateway-url=url] --app-id=id --app-secret=secret \
            [--group-id=group]
              (or the environment variables WECHAT_KAFKA_BOOTSTRAP_SERVERS, WECHAT_GATEWAY_URL, WECHAT_APP_ID,
               WECHAT_APP_SECRET, ECHO_BOT_GROUP_ID)""";

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "bootstrap-servers", "WECHAT_KAFKA_BOOTSTRAP_SERVERS",
            "gateway-url", "WECHAT_GATEWAY_URL",
            "app-id", "WECHAT_APP_ID",
            "app-secret", "WECHAT_APP_SECRET",
            "group-id", "ECHO_BOT_GROUP_ID");

    /**
     * Reads arguments first, the environment second.
     *
     * @throws IllegalArgumentException naming what is missing or unknown
     */
    public static EchoBotConfig from(List<String> args, Map<String, String> environment) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !ENVIRONMENT.containsKey(name)) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            given.put(name, arg.substring(eq + 1));
        }
        ENVIRONMENT.forEach((name, variable) -> {
            String value = environment.get(variable);
            if (!given.containsKey(name) && value != null && !value.isBlank()) {
                given.put(name, value);
            }
        });
        String appId = required(given, "app-id");
        String appSecret = required(given, "app-secret");
        return new EchoBotConfig(
                given.getOrDefault("bootstrap-servers", "localhost:9092"),
                URI.create(given.getOrDefault("gateway-url", "http://localhost:8080")),
                appId,
                appSecret,
                given.getOrDefault("group-id", "echo-bot-" + appId));
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + " (or " + ENVIRONMENT.get(name) + ")");
        }
        return value;
    }

    @Override
    public String toString() {
        // The secret stays out of logs.
        return "EchoBotConfig[bootstrapServers=" + bootstrapServers + ", gatewayUrl=" + gatewayUrl + ", appId=" + appId
                + ", groupId=" + groupId + "]";
    }
}
