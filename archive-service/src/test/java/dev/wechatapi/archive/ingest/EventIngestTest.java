package dev.wechatapi.archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import dev.wechatapi.testsupport.TestKafka;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class EventIngestTest extends ArchiveServiceTest {

    private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    @Autowired
    DatabaseClient db;

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithoutBlockingTheirPartition() throws Exception {
        String appId = newAppId();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.MESSAGES, appId, "not a cloud event".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        publish(Topics.MESSAGES, appId, CloudEventBuilder.v1()
                .withId("x-1").withSource(URI.create("urn:test")).withType("wechat.unknown.v1")
                .withData("{}".getBytes(StandardCharsets.UTF_8)).build());
        publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(TestEvents.text(appId, 41, "f1", "after", T0)));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM messages WHERE app_id = '"
                + appId + "'") == 1);
        assertThat(deadLetters(appId, 2)).containsExactly("not a cloud event", "{}");
    }

    @Test
    void anUnreadableRecordInsideABatchIsDeadLetteredAloneAndEveryMessageAroundItIsArchived() throws Exception {
        String appId = newAppId();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG, 50),
                new StringSerializer(), new ByteArraySerializer())) {
            CloudEventSerializer events = new CloudEventSerializer();
            for (int i = 1; i <= 120; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.MESSAGES, appId, null);
                byte[] value = i == 60 ? "broken in the middle".getBytes(StandardCharsets.UTF_8)
                        : events.serialize(Topics.MESSAGES, record.headers(),
                                WeChatEvents.messageEvent(TestEvents.text(appId, i, "f1", "批量 " + i, T0)));
                raw.send(new ProducerRecord<>(Topics.MESSAGES, null, appId, value, record.headers()));
            }
            raw.flush();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM messages WHERE app_id = '"
                + appId + "'") == 119);
        assertThat(deadLetters(appId, 1)).containsExactly("broken in the middle");
        assertThat(count("SELECT COUNT(*) FROM messages WHERE app_id = '" + appId + "' AND msg_id = 60")).isZero();
    }

    @Test
    void sessionEventsKeepTheLatestStatePerApp() {
        String appId = newAppId();
        publish(Topics.SESSIONS, appId, WeChatEvents.sessionState(
                new SessionStateChanged(appId, SessionState.LOGGED_IN, "self", "我😀", null, T0.plusSeconds(10))));
        // Older than the stored state, e.g. replayed: it must not win.
        publish(Topics.SESSIONS, appId, WeChatEvents.sessionState(
                new SessionStateChanged(appId, SessionState.SCANNED, null, null, null, T0)));
        publish(Topics.SESSIONS, appId, WeChatEvents.sessionState(
                new SessionStateChanged(appId, SessionState.LOGGED_OUT, null, null, "retcode 1101", T0.plusSeconds(20))));

        await().atMost(Duration.ofSeconds(30)).until(() -> "LOGGED_OUT".equals(state(appId)));
        publish(Topics.SESSIONS, appId, WeChatEvents.sessionState(
                new SessionStateChanged(appId, SessionState.LOGGED_IN, "self", "我😀", null, T0.plusSeconds(10))));
        publish(Topics.SESSIONS, appId, WeChatEvents.sessionState(
                new SessionStateChanged(appId, SessionState.LOGGED_OUT, null, null, "replayed", T0.plusSeconds(20))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "replayed".equals(column(appId, "reason")));

        assertThat(state(appId)).isEqualTo("LOGGED_OUT");
        assertThat(column(appId, "account_name")).isEqualTo("我😀");
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE app_id = '" + appId + "'")).isEqualTo(1);
    }

    private String state(String appId) {
        return column(appId, "state");
    }

    private String column(String appId, String column) {
        return db.sql("SELECT " + column + " FROM sessions WHERE app_id = :appId").bind("appId", appId)
                .map(row -> row.get(0, String.class)).one().block();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private static List<String> deadLetters(String appId, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("wechat.archive.dlt"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (appId.equals(record.key())) {
                        values.add(new String(record.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return values;
    }
}
