package dev.wechatapi.archive;

import dev.wechatapi.testsupport.Database;
import dev.wechatapi.testsupport.TestKafka;
import dev.wechatapi.testsupport.TestMariaDb;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The archive running for real: a fresh MariaDB database, the test JVM's Kafka broker, the HTTP server on a
 * random port. Every test class extending this shares one application context; tests isolate themselves by
 * using their own app ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Webhook receivers of the tests listen on loopback; retries are quick and few. Properties, not dynamic ones, so a
// test class can override them with its own @TestPropertySource.
@TestPropertySource(properties = {
    "wechat.archive.webhooks.allow-private-addresses=true",
    "wechat.archive.webhooks.gateway-url=https://gw.example.com/wechat",
    "wechat.archive.webhooks.max-attempts=3",
    "wechat.archive.webhooks.initial-delay=200ms",
    "wechat.archive.webhooks.max-delay=1s",
    "wechat.archive.webhooks.poll-interval=200ms",
    "wechat.archive.webhooks.response-timeout=6s"})
public abstract class ArchiveServiceTest {

    protected static final Database DATABASE = TestMariaDb.newDatabase("archive");

    private static KafkaProducer<String, CloudEvent> producer;

    @Value("${local.server.port}")
    protected int port;

    protected WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", DATABASE::r2dbcUrl);
        registry.add("spring.r2dbc.username", DATABASE::username);
        registry.add("spring.r2dbc.password", DATABASE::password);
        registry.add("spring.flyway.url", DATABASE::jdbcUrl);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("wechat.archive.ingest.partitions", () -> 2);
        registry.add("wechat.archive.ingest.retries", () -> 0);
    }

    @BeforeEach
    void connectClient() {
        web = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** A new app id, 32 lowercase hex as the gateway issues them. */
    protected static String newAppId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Publishes an event the way the session service does: record key = app id. */
    protected static synchronized void publish(String topic, String appId, CloudEvent event) {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                    new StringSerializer(),
                    new CloudEventSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, appId, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
