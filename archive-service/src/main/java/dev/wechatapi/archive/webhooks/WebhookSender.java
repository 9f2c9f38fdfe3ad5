package dev.wechatapi.archive.webhooks;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * POSTs webhook requests, non-blocking (reactor-netty): the body as given, with the signature headers, within the
 * connect and response timeouts. Redirects are not followed (a 3xx is a failed attempt) and every address passes
 * the {@link AddressGuard} as the connection is made. Never fails: the outcome is an {@link Attempt}.
 */
@Component
final class WebhookSender implements DisposableBean {

    static final String SIGNATURE = "X-Wechat-Signature";
    static final String TIMESTAMP = "X-Wechat-Timestamp";
    static final String DELIVERY = "X-Wechat-Delivery";
    static final String EVENT = "X-Wechat-Event";

    private static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final ConnectionProvider connections;
    private final WebClient client;
    private final Duration limit;

    WebhookSender(WebhookProperties properties, AddressGuard guard) {
        // Pools are per receiver address; sized for all in-flight deliveries, so apps sharing a receiver host
        // never wait for each other's connections.
        this.connections = ConnectionProvider.builder("webhooks").maxConnections(properties.concurrency()).build();
        HttpClient http = HttpClient.create(connections)
                .resolver(GuardedAddressResolver.group(guard))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout())
                .followRedirect(false);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        // A receiver that answers its headers in time but drips its body must not hold a slot forever.
        this.limit = properties.connectTimeout().plus(properties.responseTimeout()).multipliedBy(2);
    }

    /** One attempt to deliver {@code body} (JSON, sent byte for byte as signed) to {@code url}. */
    Mono<Attempt> post(URI url, WebhookRequest request) {
        return client.post()
                .uri(url)
                .header("Content-Type", CONTENT_TYPE)
                .header(SIGNATURE, request.signature())
                .header(TIMESTAMP, Long.toString(request.timestamp()))
                .header(DELIVERY, Long.toString(request.deliveryId()))
                .header(EVENT, request.eventType())
                .bodyValue(request.body())
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(limit)
                .map(Attempt::answered)
                .onErrorResume(failure -> Mono.just(Attempt.failed(describe(failure))));
    }

    @Override
    public void destroy() {
        connections.dispose();
    }

    // A short reason for the delivery log: what went wrong, not a stack trace.
    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case RefusedAddressException refused -> {
                    return refused.getMessage();
                }
                case UnknownHostException unknown -> {
                    return "unknown host " + unknown.getMessage();
                }
                case ReadTimeoutException timeout -> {
                    return "no response within the response timeout";
                }
                case TimeoutException timeout -> {
                    return "no complete response in time";
                }
                case PrematureCloseException closed -> {
                    return "connection closed before the response";
                }
                case ConnectException connect -> {
                    return "connection failed: " + connect.getMessage();
                }
                default -> { }
            }
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    /**
     * A signed webhook request.
     *
     * @param body the JSON body, exactly as signed
     * @param timestamp Unix seconds, the value of {@code X-Wechat-Timestamp}
     * @param signature the value of {@code X-Wechat-Signature}
     */
    record WebhookRequest(long deliveryId, String eventType, byte[] body, long timestamp, String signature) {}
}
