package dev.wechatapi.session.media;

import dev.wechatapi.media.MediaStore;
import dev.wechatapi.media.StoredMedia;
import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.wechat.MediaDownload;
import dev.wechatapi.wechat.WeChatException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Downloads media from WeChat into the {@link MediaStore}, several at a time and all within a deadline, so whoever
 * waits for them (a sync round, an avatar pass) waits a bounded time. A download that fails, is too big or is not
 * done by the deadline is logged and left out of the result: the caller goes on without its media id.
 *
 * <pre>{@code
 * Map<Long, StoredMedia> stored = downloads.fetchAll(appId, Map.of(msgId, () -> session.download(message)),
 *         4, Duration.ofSeconds(30));
 * }</pre>
 */
@Component
public class MediaDownloads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaDownloads.class);

    /** One download through the driver. */
    @FunctionalInterface
    public interface Download {
        MediaDownload fetch() throws WeChatException;
    }

    private final MediaStore store;
    private final long maxSize;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("media-download-", 0).factory());

    public MediaDownloads(MediaStore store, SessionProperties properties) {
        this.store = store;
        this.maxSize = properties.media().maxSize().toBytes();
    }

    /** The largest medium kept, in bytes. */
    public long maxSize() {
        return maxSize;
    }

    /**
     * Runs the downloads, at most {@code concurrency} at once, and stores each as it completes. Returns what was
     * stored by the deadline, keyed like the input; the rest are cancelled (their calls interrupted).
     */
    public <K> Map<K, StoredMedia> fetchAll(String appId, Map<K, Download> downloads, int concurrency,
            Duration deadline) throws InterruptedException {
        Semaphore inFlight = new Semaphore(Math.max(1, concurrency));
        Map<K, Future<Optional<StoredMedia>>> running = new LinkedHashMap<>();
        downloads.forEach((key, download) -> running.put(key, executor.submit(() -> {
            inFlight.acquire();
            try {
                return fetch(appId, key, download);
            } finally {
                inFlight.release();
            }
        })));
        Instant end = Instant.now().plus(deadline);
        Map<K, StoredMedia> stored = new LinkedHashMap<>();
        try {
            for (Map.Entry<K, Future<Optional<StoredMedia>>> entry : running.entrySet()) {
                long waitMillis = Math.max(0, Duration.between(Instant.now(), end).toMillis());
                try {
                    entry.getValue().get(waitMillis, TimeUnit.MILLISECONDS)
                            .ifPresent(media -> stored.put(entry.getKey(), media));
                } catch (TimeoutException slow) {
                    log.warn("app {}: media {} not downloaded within {}, going on without it", appId, entry.getKey(),
                            deadline);
                } catch (ExecutionException unexpected) {
                    log.warn("app {}: downloading media {} failed", appId, entry.getKey(), unexpected.getCause());
                }
            }
        } finally {
            running.values().forEach(f -> f.cancel(true));
        }
        return stored;
    }

    /**
     * Keeps bytes this service already holds (a file a client sent) in the store; empty, and logged, when the
     * store cannot take them.
     */
    public Optional<StoredMedia> keep(String appId, byte[] bytes, String contentType, String fileName) {
        try {
            return Optional.of(store.put(appId, new ByteArrayInputStream(bytes), contentType, fileName));
        } catch (RuntimeException storeFailure) {
            log.warn("app {}: {} could not be stored", appId, fileName, storeFailure);
            return Optional.empty();
        }
    }

    private Optional<StoredMedia> fetch(String appId, Object key, Download download) {
        MediaDownload media;
        try {
            media = download.fetch();
        } catch (WeChatException failure) {
            if (Thread.currentThread().isInterrupted()) {
                return Optional.empty(); // cancelled at the deadline, already reported by the caller
            }
            // MediaUnavailable (WeChat no longer has it), Unreachable, or LoggedOut, which the next sync reports.
            log.warn("app {}: media {} could not be downloaded: {}", appId, key, failure.toString());
            return Optional.empty();
        }
        if (media.length() > maxSize) {
            log.warn("app {}: media {} has {} bytes, more than the {} kept; skipped", appId, key, media.length(),
                    maxSize);
            return Optional.empty();
        }
        return keep(appId, media.bytes(), media.contentType(), media.fileName());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
