package dev.wechatapi.archive.ingest;

import static dev.wechatapi.archive.TestEvents.friend;
import static dev.wechatapi.archive.TestEvents.group;
import static dev.wechatapi.archive.TestEvents.mp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.archive.ArchiveApplication;
import dev.wechatapi.archive.ArchiveServiceTest;
import dev.wechatapi.archive.TestEvents;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import dev.wechatapi.testsupport.TestKafka;
import io.r2dbc.spi.ColumnMetadata;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Replaying whole topics changes nothing: after a realistic mix of events for two apps (every message type in both
 * directions, a message to oneself, a duplicate, an older snapshot after a newer one, session state changes, a
 * webhook set halfway), a second archive with a new consumer group reads {@code wechat.messages},
 * {@code wechat.contacts} and {@code wechat.sessions} from offset 0 to their ends into the same database, and every
 * table holds the same rows as before. The topics hold every earlier test's events too, so the replay covers them
 * as well.
 */
class WholeTopicReplayTest extends ArchiveServiceTest {

    private static final List<String> TOPICS = List.of(Topics.MESSAGES, Topics.CONTACTS, Topics.SESSIONS);
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    // Columns a replay may change by design, or that change on their own meanwhile. Re-applying the newest snapshot
    // refreshes applied_at (FriendsEndpointTest relies on it) and bumps version (the read cache's key, migration V6)
    // where the schema has it; the delivery worker moves every app's deliveries on.
    private static final Map<String, Set<String>> MOVING_COLUMNS = Map.of(
            "contact_snapshots", Set.of("applied_at", "version"),
            "webhook_deliveries", Set.of("status", "attempts", "next_attempt_at", "claimed_by", "last_status_code",
                    "last_error", "delivered_at"));

    @Autowired
    DatabaseClient db;

    @Test
    void replayingEveryTopicFromOffsetZeroLeavesEveryTablesRowsUnchanged() throws Exception {
        String first = newAppId();
        String second = newAppId();
        publishMix(first, 1_000);
        publishMix(second, 2_000);
        awaitArchived(first, 2 * MessageType.values().length + 2);
        // A webhook set now forwards the messages archived from now on, and only those.
        web.put().uri("/webhook").header("X-Wechat-App-Id", first)
                .bodyValue(Map.of("url", "http://127.0.0.1:9/hook")).exchange().expectStatus().isOk();
        publishMessages(first, 3_000, Direction.RECEIVED);
        awaitArchived(first, 3 * MessageType.values().length + 2);
        awaitArchived(second, 2 * MessageType.values().length + 2);
        assertThat(count("webhook_deliveries", first)).isEqualTo(MessageType.values().length);

        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            awaitCaughtUp(admin, "archive-service");
            Map<String, List<String>> before = tables();
            LocalDateTime appliedBefore = appliedAt(first);
            Map<TopicPartition, Long> ends = offsets(admin, OffsetSpec.latest());
            // Nothing was ever deleted from the topics: their beginning is offset 0.
            assertThat(offsets(admin, OffsetSpec.earliest()))
                    .allSatisfy((partition, offset) -> assertThat(offset).isZero());

            String replayGroup = "archive-replay-" + UUID.randomUUID();
            try (ConfigurableApplicationContext replay = replayingArchive(replayGroup)) {
                awaitCaughtUp(admin, replayGroup);
                assertThat(committed(admin, replayGroup)).containsAllEntriesOf(ends.entrySet().stream()
                        .filter(end -> end.getValue() > 0)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            }
            awaitCaughtUp(admin, "archive-service");
            Map<String, List<String>> after = tables();

            // The replay wrote: the newest snapshot was applied again.
            assertThat(appliedAt(first)).isAfter(appliedBefore);
            assertThat(before.keySet()).contains("contacts", "group_members", "contact_snapshots", "messages",
                    "message_counts", "sessions", "webhooks", "webhook_deliveries");
            assertThat(rowCounts(after)).isEqualTo(rowCounts(before));
            before.forEach((table, rows) -> assertThat(after.get(table)).as(table).isEqualTo(rows));
        }
    }

    // Per app: one message of every type in each direction, the same message again, a message to oneself (archived
    // as received and as sent), a newer snapshot then an older one, and session state changes.
    private void publishMix(String appId, long firstId) {
        ContactsSnapshot newer = new ContactsSnapshot(appId, TestEvents.self(), List.of(
                friend("f1", "Alice 😀", "Ally", 2, "北京", "北京"),
                friend("f2", "Bob", null, 1, "广东", "深圳"),
                group("g1", "家人群", List.of(friend("f1", "Alice 😀", null, 2, null, null),
                        friend("u9", "Member", null, 0, null, null))),
                mp("m1", "新闻")), T0.plusSeconds(60));
        ContactsSnapshot older = new ContactsSnapshot(appId, TestEvents.self(),
                List.of(friend("f0", "Gone", null, 0, null, null)), T0);
        publish(Topics.SESSIONS, appId, WeChatEvents.sessionState(
                new SessionStateChanged(appId, SessionState.SCANNED, null, null, null, T0)));
        publish(Topics.SESSIONS, appId, WeChatEvents.sessionState(
                new SessionStateChanged(appId, SessionState.LOGGED_IN, TestEvents.SELF, "我自己", null,
                        T0.plusSeconds(5))));
        publish(Topics.CONTACTS, appId, WeChatEvents.contactsSnapshot(newer));
        publish(Topics.CONTACTS, appId, WeChatEvents.contactsSnapshot(older));
        publishMessages(appId, firstId, Direction.RECEIVED);
        publishMessages(appId, firstId + 100, Direction.SENT);
        publishMessages(appId, firstId, Direction.RECEIVED); // a duplicate of each
        Party self = new Party(TestEvents.SELF, ContactKind.FRIEND, "我自己");
        for (Direction direction : Direction.values()) {
            publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(new MessageEvent(appId, firstId + 500, direction,
                    MessageType.Text, 1, self, self, null, null, false, MessageContent.text("备忘 " + appId), T0, T0)));
        }
        publish(Topics.SESSIONS, appId, WeChatEvents.sessionState(
                new SessionStateChanged(appId, SessionState.LOGGED_OUT, null, null, "retcode 1101",
                        T0.plusSeconds(900))));
    }

    private static void publishMessages(String appId, long firstId, Direction direction) {
        Party group = new Party("g1", ContactKind.GROUP, "家人群");
        Party self = new Party(TestEvents.SELF, ContactKind.FRIEND, "我自己");
        for (MessageType type : MessageType.values()) {
            Instant created = T0.plusSeconds(firstId + type.ordinal());
            boolean received = direction == Direction.RECEIVED;
            MessageContent content = new MessageContent(type.name() + " 内容 " + firstId, "https://example.com/x", 1.5,
                    2.5, 3, "label", "0", "poi", "poi-1", "media-" + firstId + "-" + type.ordinal(), 4, 5, 6, 7L,
                    "file.bin", 8, type == MessageType.Card
                            ? new MessageContent.Card("@c", "名片", "alias", "广东", "广州", "sign", 1, "card-avatar")
                            : null);
            publish(Topics.MESSAGES, appId, WeChatEvents.messageEvent(new MessageEvent(appId, firstId + type.ordinal(),
                    direction, type, 1, received ? group : self, received ? self : group, received ? "f1" : null,
                    received ? "Ally" : null, received && type == MessageType.Text, content, created,
                    created.plusMillis(250))));
        }
    }

    private ConfigurableApplicationContext replayingArchive(String groupId) {
        // Command-line arguments outrank application.yml; this archive delivers no webhooks itself.
        return new SpringApplicationBuilder(ArchiveApplication.class).run(
                "--server.port=0",
                "--spring.r2dbc.url=" + DATABASE.r2dbcUrl(),
                "--spring.r2dbc.username=" + DATABASE.username(),
                "--spring.r2dbc.password=" + DATABASE.password(),
                "--spring.flyway.url=" + DATABASE.jdbcUrl(),
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + groupId,
                "--wechat.archive.ingest.partitions=2",
                "--wechat.archive.ingest.retries=0",
                "--wechat.archive.webhooks.delivery-enabled=false");
    }

    // Every table of the archive's schema, each row rendered as column=value, sorted.
    private Map<String, List<String>> tables() {
        List<String> names = db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_name <> 'flyway_schema_history'")
                .map(row -> row.get(0, String.class)).all().collectList().block();
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : names) {
            Set<String> moving = MOVING_COLUMNS.getOrDefault(table, Set.of());
            tables.put(table, db.sql("SELECT * FROM " + table)
                    .map((row, metadata) -> {
                        StringJoiner values = new StringJoiner(", ");
                        for (ColumnMetadata column : metadata.getColumnMetadatas()) {
                            if (!moving.contains(column.getName())) {
                                Object value = row.get(column.getName());
                                values.add(column.getName() + "="
                                        + (value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value));
                            }
                        }
                        return values.toString();
                    })
                    .all().sort().collectList().block());
        }
        return tables;
    }

    private static Map<String, Integer> rowCounts(Map<String, List<String>> tables) {
        Map<String, Integer> counts = new TreeMap<>();
        tables.forEach((table, rows) -> counts.put(table, rows.size()));
        return counts;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        admin.describeTopics(TOPICS).allTopicNames().get().forEach((topic, description) -> description.partitions()
                .forEach(partition -> request.put(new TopicPartition(topic, partition.partition()), spec)));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, offset -> offset.getValue().offset()));
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String groupId)
            throws InterruptedException, ExecutionException {
        return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(entry -> entry.getValue() != null && TOPICS.contains(entry.getKey().topic()))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    // Every record of the three topics read and its rows committed by the group (offsets are committed after them).
    private static void awaitCaughtUp(Admin admin, String groupId) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Map<TopicPartition, Long> committed = committed(admin, groupId);
            return offsets(admin, OffsetSpec.latest()).entrySet().stream()
                    .allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
        });
    }

    private void awaitArchived(String appId, long messages) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("messages", appId) == messages);
    }

    private long count(String table, String appId) {
        return db.sql("SELECT COUNT(*) FROM " + table + " WHERE app_id = :appId").bind("appId", appId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private LocalDateTime appliedAt(String appId) {
        return db.sql("SELECT applied_at FROM contact_snapshots WHERE app_id = :appId").bind("appId", appId)
                .map(row -> row.get(0, LocalDateTime.class)).one().block();
    }
}
