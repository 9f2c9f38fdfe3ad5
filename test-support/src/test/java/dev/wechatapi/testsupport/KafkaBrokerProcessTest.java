package dev.wechatapi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaBrokerProcessTest {

    @Test
    void brokerProcessServesClientsAndKeepsTopicsAcrossRestart() throws Exception {
        Path data = Files.createTempDirectory("kafka-process-test");
        int port = Ports.free();
        try (var broker = KafkaBrokerProcess.start(ProjectLayout.locate(), port, data, data.resolve("logs"))) {
            try (AdminClient admin = admin(broker)) {
                admin.createTopics(Set.of(new NewTopic("kept", 2, (short) 1))).all().get();
            }
        }
        try (var broker = KafkaBrokerProcess.start(ProjectLayout.locate(), port, data, data.resolve("logs"))) {
            try (AdminClient admin = admin(broker)) {
                assertThat(admin.listTopics().names().get()).contains("kept");
            }
        }
    }

    private static AdminClient admin(KafkaBrokerProcess broker) {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
