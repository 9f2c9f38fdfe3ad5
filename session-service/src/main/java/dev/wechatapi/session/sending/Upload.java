package dev.wechatapi.session.sending;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

/**
 * A file a client uploaded with {@code /send-message}, parked in a temp file until its send's turn comes, so waiting
 * sends hold disk, not heap. Whoever ends the request {@linkplain #discard() discards} it.
 *
 * @param fileName the name the client gave the part, without any path
 * @param size its length in bytes, at least 1
 */
record Upload(String fileName, Path path, long size) {

    private static final Logger log = LoggerFactory.getLogger(Upload.class);

    byte[] bytes() throws IOException {
        return Files.readAllBytes(path);
    }

    void discard() {
        delete(path);
    }

    /** Deletes on a worker thread: callers are often event-loop threads that must not wait for the disk. */
    static void delete(Path path) {
        Schedulers.boundedElastic().schedule(() -> deleteNow(path));
    }

    private static void deleteNow(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete upload {}", path, e);
        }
    }
}
