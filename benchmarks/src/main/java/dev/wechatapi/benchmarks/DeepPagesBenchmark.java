package dev.wechatapi.benchmarks;

import dev.wechatapi.archive.messages.TextGrams;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /messages} response times on a large archive: page 1 and page 5,000 of a filtered list, p50/p99 over
 * repeated calls. The archive (one app with {@code messages} rows, another with a fifth of that) is generated
 * inside the database in 100,000-row INSERT ... SELECT statements, the texts with their search words.
 *
 * <pre>{@code benchmarks/run deep-pages 1000000 200}</pre>
 */
public final class DeepPagesBenchmark {

    private static final int CHUNK = 100_000;
    private static final String[] TEXTS = {"你好，今天下午三点开会 👋", "收到，谢谢！🙏", "Can we move the meeting to 4pm?",
        "周末一起去爬山吧，天气预报说是晴天 ☀️", "好的", "发个定位给我 📍", "哈哈哈哈😂", "Order shipped, tracking 1Z999"};

    // Ten digits, crossed five times: 100,000 numbered rows in MariaDB and MySQL 8 alike.
    private static final String DIGITS = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
            + " UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
            + " UNION ALL SELECT 9)";

    private DeepPagesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Report report = new Report("deep-pages", "Deep pages: /messages on a large archive",
                "benchmarks/run deep-pages " + messages + " " + calls);
        try (BenchmarkStack stack = BenchmarkStack.start("pages")) {
            // The database path: the read cache would answer every repeated call from memory.
            stack.startArchive(false, "--wechat.archive.read-cache-size=0");
            String app = BenchmarkStack.newAppId();
            long start = System.nanoTime();
            load(stack, app, messages, 0);
            load(stack, BenchmarkStack.newAppId(), messages / 5, messages);
            report.line("archive: %d messages of the app measured (60%% Text, 10%% each Picture, Sharing, Recording,"
                    .formatted(messages) + " System) and %d of another app, loaded in %.0f s"
                    .formatted(messages / 5, (System.nanoTime() - start) / 1e9));
            int lastPage = (int) Math.min(5_000, Math.max(1, messages * 6L / 10 / 10));
            for (String query : List.of("/messages?type=Text", "/messages?type=Text&page=" + lastPage,
                    "/messages", "/messages?page=" + lastPage)) {
                report.line("`%s`: %s".formatted(query, measure(stack, app, query, calls)));
            }
            report.write(stack.databaseFacts());
        }
        System.exit(0);
    }

    private static String measure(BenchmarkStack stack, String app, String query, int calls) {
        for (int i = 0; i < Math.max(5, calls / 10); i++) {
            expectOk(stack.get(app, query), query);
        }
        Latencies latencies = new Latencies(calls);
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = stack.get(app, query);
            latencies.add(System.nanoTime() - start);
            expectOk(response, query);
        }
        return latencies.summary();
    }

    private static void expectOk(HttpResponse<String> response, String query) {
        if (response.statusCode() != 200 || !response.body().contains("\"results\":[{")) {
            throw new IllegalStateException(query + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static void load(BenchmarkStack stack, String app, int messages, int firstId) throws Exception {
        List<String> texts = new ArrayList<>();
        StringBuilder textCase = new StringBuilder("CASE n % 8");
        StringBuilder gramsCase = new StringBuilder("CASE n % 8");
        for (int i = 0; i < TEXTS.length; i++) {
            textCase.append(" WHEN ").append(i).append(" THEN ?");
            gramsCase.append(" WHEN ").append(i).append(" THEN ?");
            texts.add(TEXTS[i]);
        }
        String sql = "INSERT INTO messages (app_id, msg_id, direction, type, raw_msg_type, sender_puid, sender_kind,"
                + " sender_name, receiver_puid, receiver_kind, receiver_name, is_at, text, text_grams, media_id,"
                + " create_time, receive_time, archived_at)"
                + " SELECT ?, 1000000000000 + n, IF(n % 7 = 0, 'SENT', 'RECEIVED'),"
                + " ELT(1 + n % 10, 'Text', 'Text', 'Text', 'Text', 'Text', 'Text', 'Picture', 'Sharing', 'Recording',"
                + " 'System'), 1, CONCAT('f', n % 500), 'FRIEND', '好友', 'self', 'FRIEND', '我', n % 50 = 0,"
                + " IF(n % 10 < 6 OR n % 10 = 7, " + textCase + " END, NULL),"
                + " IF(n % 10 < 6 OR n % 10 = 7, " + gramsCase + " END, NULL),"
                + " IF(n % 10 IN (6, 8), CONCAT('media-', n), NULL),"
                // Two messages a second, so equal create_times are common and the tie-breakers matter.
                + " TIMESTAMPADD(SECOND, n DIV 2, '2025-01-01 00:00:00'),"
                + " TIMESTAMPADD(SECOND, n DIV 2 + 1, '2025-01-01 00:00:00'), UTC_TIMESTAMP()"
                + " FROM (SELECT ? + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n FROM " + DIGITS
                + " a CROSS JOIN " + DIGITS + " b CROSS JOIN " + DIGITS + " c CROSS JOIN " + DIGITS + " e CROSS JOIN "
                + DIGITS + " f) numbers WHERE n < ?";
        try (Connection connection = stack.jdbc(); PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int offset = 0; offset < messages; offset += CHUNK) {
                int index = 1;
                insert.setString(index++, app);
                for (String text : texts) {
                    insert.setString(index++, text);
                }
                for (String text : texts) {
                    insert.setString(index++, TextGrams.index(text));
                }
                insert.setLong(index++, firstId + offset);
                insert.setLong(index, firstId + messages);
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE TABLE messages");
            }
        }
    }
}
