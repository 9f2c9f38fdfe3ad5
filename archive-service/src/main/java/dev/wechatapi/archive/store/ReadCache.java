package dev.wechatapi.archive.store;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.wechatapi.archive.ArchiveProperties;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rows read for the list endpoints, kept in memory under a key that names the exact state of the data they were
 * read from: the version of the app's contacts (bumped by every snapshot applied) or the change counter of the
 * app's messages. The key is read from the database first, on every request. When the data change, requests ask
 * under a new key, so an entry is never stale and replicas need not tell each other anything; old entries are
 * never asked for again and leave, least recently used first, when {@code wechat.archive.read-cache-size} is
 * reached. An entry weighs what its rows' text does (a message's text can be long), estimated once when it is
 * read. A key always holds the app id: one app's rows are never another's answer.
 *
 * <pre>{@code
 * cache.rows(new ReadCache.Key(appId, version, sql, where.parameters()), () -> db.sql(sql)...all())
 * }</pre>
 */
@Component
public final class ReadCache {

    /** What the rows were read with: the app, the state of its data, the statement and its parameters. */
    public record Key(String appId, long version, String sql, Map<String, Object> parameters) {}

    // The rows, and about how many bytes they and their key hold.
    private record Entry(List<?> rows, int bytes) {}

    private final AsyncCache<Key, Entry> entries;

    public ReadCache(ArchiveProperties properties) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(properties.readCacheSize().toBytes())
                .weigher((Key key, Entry entry) -> entry.bytes())
                .buildAsync();
    }

    /**
     * The rows of {@code key}: from memory, else read by {@code query}. Requests asking for the same key at once
     * share one read; a failed read is not kept.
     */
    @SuppressWarnings("unchecked")
    public <T> Mono<List<T>> rows(Key key, Supplier<Flux<T>> query) {
        // suppressCancel: a client going away must not cancel a read other requests are waiting for.
        return Mono.fromFuture(() -> entries.get(key, (k, executor) -> read(k, query)), true)
                .map(entry -> (List<T>) entry.rows());
    }

    /** The single value of {@code key} (a count), as {@link #rows}. */
    public <T> Mono<T> value(Key key, Supplier<Mono<T>> query) {
        return rows(key, () -> query.get().flux()).mapNotNull(rows -> rows.isEmpty() ? null : rows.getFirst());
    }

    private static <T> CompletableFuture<Entry> read(Key key, Supplier<Flux<T>> query) {
        return query.get().collectList().map(rows -> new Entry(rows, bytes(key, rows))).toFuture();
    }

    // Two bytes a character of the rows' records as text (every field, names included) and of the statement, plus
    // the objects around them: an estimate, paid once per read, that follows what the rows really hold.
    private static int bytes(Key key, List<?> rows) {
        long chars = key.sql().length() + key.parameters().toString().length();
        for (Object row : rows) {
            chars += String.valueOf(row).length() + 32;
        }
        return (int) Math.min(Integer.MAX_VALUE, 2 * chars + 256);
    }
}
