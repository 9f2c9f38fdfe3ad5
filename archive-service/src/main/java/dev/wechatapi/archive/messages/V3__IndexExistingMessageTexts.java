package dev.wechatapi.archive.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Fills {@code text_grams} for the messages archived before V2 added it; new messages get theirs at ingest. Runs
 * in chunks, each committed, walking the primary key, so an archive of any size is indexed without one huge
 * transaction; a rerun after a crash continues where the last committed chunk ended. Spring Boot hands every
 * {@code JavaMigration} bean to Flyway.
 */
@Component
final class V3__IndexExistingMessageTexts extends BaseJavaMigration {

    private static final int CHUNK = 1_000;

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement("SELECT app_id, msg_id, direction, text"
                        + " FROM messages WHERE (app_id > ? OR (app_id = ? AND (msg_id > ? OR (msg_id = ?"
                        + " AND direction > ?)))) AND text IS NOT NULL AND text_grams IS NULL"
                        + " ORDER BY app_id, msg_id, direction LIMIT " + CHUNK);
                PreparedStatement update = connection.prepareStatement("UPDATE messages SET text_grams = ?"
                        + " WHERE app_id = ? AND msg_id = ? AND direction = ?")) {
            // The primary key of the last row indexed; "" and MIN_VALUE sort before every real key.
            String appId = "";
            long msgId = Long.MIN_VALUE;
            String direction = "";
            int indexed;
            do {
                indexed = 0;
                select.setString(1, appId);
                select.setString(2, appId);
                select.setLong(3, msgId);
                select.setLong(4, msgId);
                select.setString(5, direction);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        appId = rows.getString("app_id");
                        msgId = rows.getLong("msg_id");
                        direction = rows.getString("direction");
                        String grams = TextGrams.index(rows.getString("text"));
                        // An empty text has no words; "" still marks the row as done.
                        update.setString(1, grams != null ? grams : "");
                        update.setString(2, appId);
                        update.setLong(3, msgId);
                        update.setString(4, direction);
                        update.addBatch();
                        indexed++;
                    }
                }
                update.executeBatch();
                connection.commit();
            } while (indexed == CHUNK);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
