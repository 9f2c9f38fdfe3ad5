package dev.wechatapi.testsupport;

import org.testcontainers.containers.GenericContainer;

/**
 * Real Redis for tests: a container when Docker answers, otherwise the local server
 * ({@code WECHAT_API_TEST_REDIS_HOST/PORT}, default 127.0.0.1:6379). Tests share it, so they use keys of their
 * own (random app ids), never FLUSHALL.
 */
public final class TestRedis {

    private static String host;
    private static int port;

    private TestRedis() {}

    public static synchronized String host() {
        start();
        return host;
    }

    public static synchronized int port() {
        start();
        return port;
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
    private static void start() {
        if (host != null) {
            return;
        }
        if (Infrastructure.containers()) {
            GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
            host = redis.getHost();
            port = redis.getMappedPort(6379);
        } else {
            host = Infrastructure.env("WECHAT_API_TEST_REDIS_HOST", "127.0.0.1");
            port = Integer.parseInt(Infrastructure.env("WECHAT_API_TEST_REDIS_PORT", "6379"));
        }
    }
}
