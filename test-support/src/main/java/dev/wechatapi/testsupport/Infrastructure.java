package dev.wechatapi.testsupport;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/**
 * Decides once per JVM where the real dependencies of tests come from: Testcontainers when a Docker engine
 * answers, otherwise the services of the local machine (MariaDB, Redis) and a broker this module starts.
 * {@code WECHAT_API_TEST_INFRA=local|containers} overrides the detection.
 */
public final class Infrastructure {

    private static final boolean CONTAINERS = decide();

    private Infrastructure() {}

    /** Whether this JVM's tests use Testcontainers. */
    public static boolean containers() {
        return CONTAINERS;
    }

    private static boolean decide() {
        String forced = System.getenv("WECHAT_API_TEST_INFRA");
        if (forced != null && !forced.isBlank()) {
            return forced.trim().toLowerCase(Locale.ROOT).equals("containers");
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
