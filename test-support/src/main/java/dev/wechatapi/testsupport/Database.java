package dev.wechatapi.testsupport;

/**
 * A fresh, empty utf8mb4 database for one test class.
 *
 * <pre>{@code
 * Database db = TestMariaDb.newDatabase("archive");
 * registry.add("spring.r2dbc.url", db::r2dbcUrl);
 * }</pre>
 */
public record Database(String name, String host, int port, String username, String password) {

    public String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/" + name;
    }

    public String r2dbcUrl() {
        return "r2dbc:mysql://" + host + ":" + port + "/" + name;
    }
}
