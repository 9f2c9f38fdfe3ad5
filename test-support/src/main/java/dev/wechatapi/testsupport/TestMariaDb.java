package dev.wechatapi.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * Real MariaDB for tests: a container when Docker answers, otherwise the local server
 * ({@code WECHAT_API_TEST_MARIADB_HOST/PORT/USER/PASSWORD}, default 127.0.0.1:3306 root without password).
 * Every call makes a new database, dropped when the JVM exits.
 */
public final class TestMariaDb {

    private static final List<String> CREATED = new ArrayList<>();
    private static Server server;

    private TestMariaDb() {}

    /** A new empty database named {@code <prefix>_<random>}. */
    public static synchronized Database newDatabase(String prefix) {
        Server s = server();
        String name = (prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase();
        s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        CREATED.add(name);
        return new Database(name, s.host(), s.port(), s.user(), s.password());
    }

    /** Host, port and root credentials of the server the databases live on. */
    public static synchronized Database server(String databaseName) {
        Server s = server();
        return new Database(databaseName, s.host(), s.port(), s.user(), s.password());
    }

    private static Server server() {
        if (server == null) {
            server = Infrastructure.containers() ? containerServer() : localServer();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(TestMariaDb::dropCreated));
        }
        return server;
    }

    private static Server localServer() {
        return new Server(
                Infrastructure.env("WECHAT_API_TEST_MARIADB_HOST", "127.0.0.1"),
                Integer.parseInt(Infrastructure.env("WECHAT_API_TEST_MARIADB_PORT", "3306")),
                Infrastructure.env("WECHAT_API_TEST_MARIADB_USER", "root"),
                Infrastructure.env("WECHAT_API_TEST_MARIADB_PASSWORD", ""));
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
    private static Server containerServer() {
        MariaDBContainer container = new MariaDBContainer("mariadb:11.4")
                .withUsername("root")
                .withPassword("test")
                .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
        container.start();
        return new Server(container.getHost(), container.getMappedPort(3306), "root", "test");
    }

    private static synchronized void dropCreated() {
        for (String name : CREATED) {
            try {
                server.execute("DROP DATABASE IF EXISTS `" + name + "`");
            } catch (RuntimeException ignored) {
                // The server may already be gone at JVM exit; a leftover test database is harmless.
            }
        }
    }

    private record Server(String host, int port, String user, String password) {

        void execute(String sql) {
            try (Connection connection =
                            DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/", user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("MariaDB at " + host + ":" + port + " refused: " + sql, e);
            }
        }
    }
}
