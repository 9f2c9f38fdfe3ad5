package dev.wechatapi.archive.store;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes many rows as multi-row INSERTs of {@code chunk} rows each, bound by position on the R2DBC statement
 * itself: for tens of thousands of rows, Spring's named-parameter expansion costs more than the database's work.
 * Runs in the caller's transaction, if any (the connection comes from {@link DatabaseClient#inConnectionMany}).
 *
 * <pre>{@code
 * MultiRowInsert.into("tags", List.of("app_id", "tag"), List.of(String.class, String.class), "", 1_000)
 *         .run(db, List.of(new Object[] {appId, "朋友"}, new Object[] {appId, null}))
 * }</pre>
 */
public final class MultiRowInsert {

    private final String prefix;
    private final String tuple;
    private final String suffix;
    private final List<Class<?>> types;
    private final int chunk;

    private MultiRowInsert(String table, List<String> columns, List<Class<?>> types, String suffix, int chunk) {
        this.prefix = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.tuple = "(" + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
        this.types = List.copyOf(types);
        this.suffix = suffix;
        this.chunk = chunk;
    }

    /**
     * @param columns the columns every row gives a value for, in order
     * @param types the Java type of each column, needed to bind a null
     * @param suffix appended to every statement, e.g. an {@code ON DUPLICATE KEY UPDATE} clause
     * @param chunk rows per statement; rows x columns must stay below 65,535 placeholders
     */
    public static MultiRowInsert into(String table, List<String> columns, List<Class<?>> types, String suffix,
            int chunk) {
        if (columns.size() != types.size() || (long) columns.size() * chunk >= 65_535) {
            throw new IllegalArgumentException("columns, types and chunk do not fit together");
        }
        return new MultiRowInsert(table, columns, types, suffix, chunk);
    }

    /** Inserts the rows (each one value per column, nulls allowed); emits the affected rows reported. */
    public Mono<Long> run(DatabaseClient db, List<@Nullable Object[]> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        List<List<@Nullable Object[]>> chunks = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += chunk) {
            chunks.add(rows.subList(start, Math.min(rows.size(), start + chunk)));
        }
        return db.inConnectionMany(connection -> Flux.fromIterable(chunks)
                        .concatMap(rowsOfChunk -> Flux.from(statement(connection, rowsOfChunk).execute())
                                .concatMap(result -> result.getRowsUpdated())))
                .reduce(0L, Long::sum);
    }

    private Statement statement(Connection connection, List<@Nullable Object[]> rows) {
        StringBuilder sql = new StringBuilder(prefix.length() + rows.size() * (tuple.length() + 2) + suffix.length());
        sql.append(prefix);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        Statement statement = connection.createStatement(sql.append(suffix).toString());
        int index = 0;
        for (Object[] row : rows) {
            if (row.length != types.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.length + " values for " + types.size() + " columns");
            }
            for (int column = 0; column < row.length; column++, index++) {
                if (row[column] == null) {
                    statement.bindNull(index, types.get(column));
                } else {
                    statement.bind(index, row[column]);
                }
            }
        }
        return statement;
    }
}
