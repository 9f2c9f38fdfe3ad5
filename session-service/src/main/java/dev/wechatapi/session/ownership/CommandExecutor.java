package dev.wechatapi.session.ownership;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Carries out a command on the replica that owns its app: the forwarded request is replayed against this replica's
 * own HTTP port (marked as forwarded, so it is handled here and not forwarded again) and whatever the handler
 * answered, success or contract error, goes back to the replica that asked.
 */
@Component
class CommandExecutor {

    /** Marks a request replayed by the owner; its value is the id of the replica that received it first. */
    static final String FORWARDED = "X-Wechat-Forwarded-By";

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Clock clock;
    private final WebClient http = WebClient.builder()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(-1))
            .build();
    // Commands may arrive before the web server has its port (ownership starts first); they wait for it.
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    CommandExecutor(KafkaProducer<String, byte[]> commandProducer, Clock clock) {
        this.producer = commandProducer;
        this.clock = clock;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        port.complete(event.getWebServer().getPort());
    }

    /** Runs the command without blocking the caller; the reply is published when the handler has answered. */
    void execute(Command command) {
        Duration left = Duration.between(clock.instant(), command.deadline());
        Mono.fromFuture(port, false)
                .flatMap(ownPort -> replay(command, ownPort))
                .timeout(left.isNegative() ? Duration.ZERO : left)
                .onErrorResume(failure -> {
                    log.warn("app {}: {} {} could not be carried out here: {}", command.appId(), command.method(),
                            command.uri(), failure.toString());
                    return Mono.empty();
                })
                .subscribe(reply -> reply(command, reply));
    }

    private Mono<CommandReply> replay(Command command, int ownPort) {
        return http.method(HttpMethod.valueOf(command.method()))
                // As received: already encoded, so a URI (not a template that would be encoded again).
                .uri(URI.create("http://127.0.0.1:" + ownPort + command.uri()))
                .headers(headers -> {
                    headers.addAll(command.headers());
                    headers.set(FORWARDED, command.replyTo());
                })
                .bodyValue(command.body())
                .exchangeToMono(response -> DataBufferUtils.join(response.body((message, context) -> message.getBody()))
                        .map(CommandExecutor::bytes)
                        .defaultIfEmpty(new byte[0])
                        .map(body -> new CommandReply(command.id(), response.statusCode().value(),
                                response.headers().asHttpHeaders(), body)));
    }

    static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private void reply(Command command, CommandReply reply) {
        producer.send(reply.toRecord(OwnershipTopics.REPLIES, command.replyTo()), (metadata, failure) -> {
            if (failure != null) {
                log.warn("app {}: the answer to {} {} was lost on its way back ({}): the client gets a 503",
                        command.appId(), command.method(), command.uri(), failure.toString());
            }
        });
    }
}
