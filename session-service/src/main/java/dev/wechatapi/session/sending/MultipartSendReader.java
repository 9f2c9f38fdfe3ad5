package dev.wechatapi.session.sending;

import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.web.ApiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a multipart {@code /send-message} as it streams in: form fields into memory, the {@code file} part straight
 * into a temp file that may grow to {@code send.max-file-size} and no further (413 {@code file_too_large} beyond).
 * Nothing is buffered whole, so an oversized upload costs neither heap nor more disk than the limit.
 */
@Component
class MultipartSendReader {

    private static final ResolvableType PART_EVENT = ResolvableType.forClass(PartEvent.class);

    private final PartEventHttpMessageReader parts = new PartEventHttpMessageReader();
    private final long maxFileSize;

    MultipartSendReader(SessionProperties properties) {
        this.maxFileSize = properties.send().maxFileSize().toBytes();
    }

    Mono<SendMessageRequest> read(ServerHttpRequest request) {
        Received received = new Received();
        return parts.read(PART_EVENT, request, Map.of())
                .windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    if (first.get() instanceof FilePartEvent file && file.name().equals("file")
                            && received.file == null) {
                        return receive(baseName(file.filename()), events.map(PartEvent::content))
                                .doOnNext(upload -> received.file = upload);
                    }
                    if (first.get() instanceof FormPartEvent field) {
                        received.fields.putIfAbsent(field.name(), field.value());
                    }
                    return events.doOnNext(event -> DataBufferUtils.release(event.content())).then();
                }))
                .then(Mono.fromSupplier(received::request))
                // A failure or a client leaving after the file arrived must not leave it on disk.
                .doOnError(failure -> received.discard())
                .doOnCancel(received::discard);
    }

    /** Streams one file part into a new temp file; empty when the part has no bytes. */
    private Mono<Upload> receive(String fileName, Flux<DataBuffer> content) {
        return Mono.fromCallable(() -> Files.createTempFile("wechat-send-", ".upload"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(path -> {
                    AtomicLong size = new AtomicLong();
                    Flux<DataBuffer> bounded = content.map(buffer -> {
                        if (size.addAndGet(buffer.readableByteCount()) > maxFileSize) {
                            DataBufferUtils.release(buffer);
                            throw fileTooLarge();
                        }
                        return buffer;
                    });
                    return DataBufferUtils.write(bounded, path)
                            .then(Mono.fromSupplier(() -> new Upload(fileName, path, size.get())))
                            .filter(upload -> upload.size() > 0)
                            .switchIfEmpty(Mono.<Upload>fromRunnable(() -> Upload.delete(path)))
                            .doOnError(failure -> Upload.delete(path))
                            .doOnCancel(() -> Upload.delete(path));
                });
    }

    private ApiException fileTooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "file_too_large",
                "文件过大, 最大" + (maxFileSize >= 1024 * 1024 ? maxFileSize / (1024 * 1024) + "MB" : maxFileSize + "字节"));
    }

    /** Some browsers send the whole local path as the file name; WeChat shows only the last segment. */
    private static String baseName(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? "file" : name;
    }

    /** What arrived so far; parts come one after another, never concurrently. */
    private static final class Received {

        private final Map<String, String> fields = new HashMap<>();
        private Upload file;

        SendMessageRequest request() {
            return new SendMessageRequest(fields.get("type"), fields.get("puid"), fields.get("text"), file);
        }

        void discard() {
            if (file != null) {
                file.discard();
            }
        }
    }
}
