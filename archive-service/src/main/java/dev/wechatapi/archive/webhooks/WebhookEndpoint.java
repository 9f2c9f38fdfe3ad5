package dev.wechatapi.archive.webhooks;

import dev.wechatapi.archive.web.ApiException;
import dev.wechatapi.archive.web.LocalTimes;
import dev.wechatapi.archive.web.Tenant;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET|PUT|DELETE /webhook}: the calling app's webhook. A PUT sets the URL and answers with the signing
 * secret, created on the first PUT and replaced only when the body asks for it ({@code "rotate_secret": true}).
 * A DELETE parks the deliveries not made yet; they can be retried once a URL is set again.
 */
@RestController
final class WebhookEndpoint {

    // As WebFlux's own codecs: a URL is at most 2,000 characters, so only a body far beyond that is refused as
    // too large (413) rather than read and refused for its URL (400).
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final AddressGuard guard;
    private final JsonMapper json;
    private final LocalTimes times;

    WebhookEndpoint(WebhookStore webhooks, DeliveryStore deliveries, AddressGuard guard, JsonMapper json,
            LocalTimes times) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.guard = guard;
        this.json = json;
        this.times = times;
    }

    @GetMapping("/webhook")
    Mono<WebhookView> webhook(ServerHttpRequest request) {
        return Mono.defer(() -> webhooks.find(Tenant.appId(request)))
                .switchIfEmpty(Mono.error(ApiException::notFound))
                .map(webhook -> WebhookView.of(webhook, times));
    }

    @PutMapping("/webhook")
    Mono<WebhookView> put(ServerHttpRequest request) {
        return Mono.defer(() -> {
            String appId = Tenant.appId(request);
            return body(request)
                    .map(body -> WebhookSettings.read(body, json))
                    .flatMap(settings -> allowed(settings.url()).thenReturn(settings))
                    .flatMap(settings -> webhooks.save(
                            appId, settings.url().toString(), settings.rotateSecret(), WebhookSignature.newSecret()))
                    .map(webhook -> WebhookView.withSecret(webhook, times));
        });
    }

    @DeleteMapping("/webhook")
    Mono<Map<String, String>> delete(ServerHttpRequest request) {
        return Mono.defer(() -> {
            String appId = Tenant.appId(request);
            return webhooks.delete(appId)
                    .flatMap(deleted -> deleted
                            ? deliveries.parkAll(appId, "webhook removed").thenReturn(Map.of("msg", "删除成功!"))
                            : Mono.error(ApiException.notFound()));
        });
    }

    // An absent body is an empty one, refused by WebhookSettings like any other that is not a JSON object. A
    // declared length is checked before reading; a chunked body is cut off at the limit.
    private static Mono<byte[]> body(ServerHttpRequest request) {
        if (request.getHeaders().getContentLength() > MAX_BODY_BYTES) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                "body: must be at most " + MAX_BODY_BYTES + " bytes");
    }

    // The host is resolved off the event loop; every address it has must be allowed.
    private Mono<Void> allowed(URI url) {
        String host = url.getHost();
        return Mono.<Void>fromCallable(() -> {
                    guard.check(host);
                    return null;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(RefusedAddressException.class, e -> ApiException.invalidParameter(
                        "url", "host " + host + " is refused: " + e.getMessage()
                                + "; webhooks may only call public addresses"))
                .onErrorMap(UnknownHostException.class,
                        e -> ApiException.invalidParameter("url", "host " + host + " cannot be resolved"));
    }
}
