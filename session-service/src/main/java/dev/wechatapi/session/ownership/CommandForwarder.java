package dev.wechatapi.session.ownership;

import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.web.ApiException;
import dev.wechatapi.session.web.AppId;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sends every request for an app that another replica owns to that replica, over the command topic, and answers
 * with what the owner answered. Requests this replica owns, and requests that name no app (health, a missing
 * header that the handler turns into 401), pass straight through.
 */
@Component
class CommandForwarder implements WebFilter, Ordered {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final OwnedPartitions ownership;
    private final CommandReplies replies;
    private final KafkaProducer<String, byte[]> producer;
    private final SessionProperties properties;
    private final Clock clock;

    CommandForwarder(OwnedPartitions ownership, CommandReplies replies, KafkaProducer<String, byte[]> commandProducer,
            SessionProperties properties, Clock clock) {
        this.ownership = ownership;
        this.replies = replies;
        this.producer = commandProducer;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        // Before anything reads the body.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String appId = AppId.headerValue(request.getHeaders());
        if (appId == null || request.getPath().value().startsWith("/actuator") || ownership.owns(appId)) {
            return chain.filter(exchange);
        }
        if (request.getHeaders().containsHeader(CommandExecutor.FORWARDED)) {
            // The app moved to another replica while the command travelled: the asking replica's client retries.
            return Mono.error(moving());
        }
        int limit = OwnershipTopics.maxRecordBytes(properties);
        return DataBufferUtils.join(request.getBody(), limit)
                .map(CommandExecutor::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> forward(command(exchange, appId, body)))
                .flatMap(reply -> write(exchange.getResponse(), reply));
    }

    private Command command(ServerWebExchange exchange, String appId, byte[] body) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(request.getHeaders());
        // Absolute URLs in the answer (media links) must name where the client called, not the owner.
        if (!headers.containsHeader("X-Forwarded-Host")) {
            headers.set("X-Forwarded-Proto", request.getURI().getScheme());
            headers.set("X-Forwarded-Host", request.getURI().getRawAuthority());
        }
        String uri = request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
        return new Command(UUID.randomUUID().toString(), appId, replies.replicaId(), properties.ownership().groupId(),
                clock.instant().plus(properties.ownership().commandTimeout()), request.getMethod().name(), uri,
                headers, body);
    }

    private Mono<CommandReply> forward(Command command) {
        CompletableFuture<CommandReply> answer = replies.expect(command.id());
        producer.send(command.toRecord(OwnershipTopics.COMMANDS), (metadata, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            }
        });
        return Mono.fromFuture(answer, true)
                .timeout(properties.ownership().commandTimeout())
                .doFinally(signal -> replies.forget(command.id()))
                .onErrorMap(failure -> moving());
    }

    private static Mono<Void> write(ServerHttpResponse response, CommandReply reply) {
        response.setStatusCode(HttpStatusCode.valueOf(reply.status()));
        response.getHeaders().addAll(reply.headers());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(reply.body())));
    }

    private static ApiException moving() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "session_moving",
                "会话正在切换到其他节点，请稍后重试", RETRY_AFTER);
    }
}
