package dev.wechatapi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void newDatabaseIsEmptyAndStoresEmoji() throws Exception {
        Database db = TestMariaDb.newDatabase("support");
        try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (name VARCHAR(20))");
            statement.execute("INSERT INTO t VALUES ('小明😀')");
            var rows = statement.executeQuery("SELECT name FROM t");
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("小明😀");
        }
    }

    @Test
    void kafkaBrokerAnswers() throws Exception {
        try (AdminClient admin = AdminClient.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        try (var socket = new java.net.Socket(TestRedis.host(), TestRedis.port())) {
            socket.getOutputStream().write("PING\r\n".getBytes());
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            assertThat(new String(reply, 0, read)).startsWith("+PONG");
        }
    }
}
