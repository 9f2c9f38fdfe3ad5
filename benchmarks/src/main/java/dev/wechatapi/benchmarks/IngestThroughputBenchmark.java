package dev.wechatapi.benchmarks;

import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import io.cloudevents.CloudEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Kafka to MariaDB ingest throughput against MariaDB alone. The messages are published first, then the archive's
 * message consumer is started and timed until every row is in; the same rows are then written again by plain
 * JDBC, as 1,000-row INSERTs on one connection, into the emptied table (same schema and indexes, the FULLTEXT
 * search index included).
 *
 * <pre>{@code benchmarks/run ingest 200000}</pre>
 */
public final class IngestThroughputBenchmark {

    private static final int APPS = 6;
    private static final String[] TEXTS = {"你好，今天下午三点开会 👋", "收到，谢谢！🙏", "Can we move the meeting to 4pm?",
        "周末一起去爬山吧，天气预报说是晴天 ☀️", "好的", "发个定位给我 📍", "哈哈哈哈😂", "Order #%d shipped, tracking 1Z%d"};

    private IngestThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Report report = new Report("ingest-throughput", "Ingest throughput: Kafka to MariaDB vs MariaDB alone",
                "benchmarks/run ingest " + messages);
        try (BenchmarkStack stack = BenchmarkStack.start("ingest")) {
            stack.startArchive(false);
            publish(stack, messages);
            report.line("%d message events (Chinese, emoji and Latin texts) from %d apps on the %d-partition topic"
                    .formatted(messages, APPS, 6));

            long start = System.nanoTime();
            stack.startListener("archive-messages");
            while (stack.count("SELECT COUNT(*) FROM messages") < messages) {
                Thread.sleep(100);
            }
            double ingest = messages / ((System.nanoTime() - start) / 1e9);
            report.line("Kafka -> archive -> MariaDB: %.0f rows/s (consumer start to last row committed)"
                    .formatted(ingest));

            double alone = jdbcAlone(stack);
            report.line("MariaDB alone (1,000-row INSERTs, one JDBC connection, autocommit): %.0f rows/s"
                    .formatted(alone));
            report.line("ratio: %.2f (target at least 0.5)".formatted(ingest / alone));
            report.write(stack.databaseFacts());
        }
        System.exit(0);
    }

    private static void publish(BenchmarkStack stack, int messages) throws Exception {
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < APPS; i++) {
            apps.add(BenchmarkStack.newAppId());
        }
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (KafkaProducer<String, CloudEvent> producer = stack.producer(Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"))) {
            for (int i = 0; i < messages; i++) {
                String appId = apps.get(i % APPS);
                String text = TEXTS[i % TEXTS.length].formatted(i, i);
                MessageEvent event = new MessageEvent(appId, 1_000_000_000L + i, Direction.RECEIVED, MessageType.Text, 1,
                        new Party("f%04d".formatted(i % 500), ContactKind.FRIEND, "好友 " + (i % 500)),
                        new Party("self", ContactKind.FRIEND, "我"), null, null, false, MessageContent.text(text),
                        t0.plusSeconds(i), t0.plusSeconds(i).plusMillis(800));
                producer.send(new ProducerRecord<>(Topics.MESSAGES, appId, WeChatEvents.messageEvent(event)));
            }
            producer.flush();
        }
    }

    // The archived rows, read back, emptied and written again the fastest plain way.
    private static double jdbcAlone(BenchmarkStack stack) throws Exception {
        try (Connection connection = stack.jdbc(); Statement statement = connection.createStatement()) {
            List<Object[]> rows = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT * FROM messages")) {
                ResultSetMetaData meta = result.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                while (result.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            statement.execute("TRUNCATE TABLE messages");
            String tuple = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            String insert = "INSERT INTO messages (" + String.join(", ", columns) + ") VALUES "
                    + String.join(", ", Collections.nCopies(1_000, tuple));
            long start = System.nanoTime();
            try (PreparedStatement full = connection.prepareStatement(insert)) {
                int start1 = 0;
                for (; start1 + 1_000 <= rows.size(); start1 += 1_000) {
                    int index = 1;
                    for (Object[] row : rows.subList(start1, start1 + 1_000)) {
                        for (Object value : row) {
                            full.setObject(index++, value);
                        }
                    }
                    full.executeUpdate();
                }
                for (Object[] row : rows.subList(start1, rows.size())) {
                    try (PreparedStatement one = connection.prepareStatement(
                            "INSERT INTO messages (" + String.join(", ", columns) + ") VALUES " + tuple)) {
                        for (int i = 0; i < row.length; i++) {
                            one.setObject(i + 1, row[i]);
                        }
                        one.executeUpdate();
                    }
                }
            }
            return rows.size() / ((System.nanoTime() - start) / 1e9);
        }
    }
}
