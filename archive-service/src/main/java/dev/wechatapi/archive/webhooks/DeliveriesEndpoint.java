package dev.wechatapi.archive.webhooks;

import dev.wechatapi.archive.store.Utc;
import dev.wechatapi.archive.web.ApiException;
import dev.wechatapi.archive.web.LocalTimes;
import dev.wechatapi.archive.web.Page;
import dev.wechatapi.archive.web.PageRequest;
import dev.wechatapi.archive.web.Pagination;
import dev.wechatapi.archive.web.QueryParams;
import dev.wechatapi.archive.web.Tenant;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /webhook/deliveries}: the delivery log, newest first, optionally
 * {@code ?status=retrying|delivered|parked}, paged as every list. {@code POST /webhook/deliveries/{id}/retry}: a
 * parked delivery due again, with a fresh set of attempts (202); 409 when it is not parked or no webhook is set,
 * 404 for an unknown id or another app's.
 */
@RestController
final class DeliveriesEndpoint {

    private final DeliveryStore deliveries;
    private final WebhookStore webhooks;
    private final DeliveryWorker worker;
    private final LocalTimes times;

    DeliveriesEndpoint(DeliveryStore deliveries, WebhookStore webhooks, DeliveryWorker worker, LocalTimes times) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.worker = worker;
        this.times = times;
    }

    @GetMapping("/webhook/deliveries")
    Mono<Page<DeliveryView>> deliveries(ServerHttpRequest request) {
        return Mono.defer(() -> {
            String appId = Tenant.appId(request);
            QueryParams params = QueryParams.of(request);
            DeliveryStatus status = status(params.text("status"));
            return Pagination.paginate(request, PageRequest.from(params), deliveries.count(appId, status),
                    page -> deliveries.page(appId, status, page).map(delivery -> DeliveryView.of(delivery, times)));
        });
    }

    @PostMapping("/webhook/deliveries/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<DeliveryView> retry(@PathVariable String id, ServerHttpRequest request) {
        return Mono.defer(() -> {
            String appId = Tenant.appId(request);
            long deliveryId = deliveryId(id);
            return deliveries.find(appId, deliveryId)
                    .switchIfEmpty(Mono.error(ApiException::notFound))
                    .flatMap(delivery -> delivery.status() != DeliveryStatus.PARKED
                            ? Mono.error(new ApiException(HttpStatus.CONFLICT, "not_parked", "delivery " + deliveryId
                                    + " is " + delivery.status().value() + "; only parked deliveries can be retried"))
                            : webhooks.find(appId).hasElement())
                    .flatMap(hasWebhook -> hasWebhook
                            ? deliveries.requeue(appId, deliveryId, Utc.now())
                            : Mono.error(new ApiException(HttpStatus.CONFLICT, "no_webhook",
                                    "no webhook is set; PUT /webhook first")))
                    // A concurrent retry may have requeued it first: the delivery is due either way.
                    .then(deliveries.find(appId, deliveryId))
                    .doOnNext(requeued -> worker.wakeUp())
                    .map(requeued -> DeliveryView.of(requeued, times));
        });
    }

    private static @Nullable DeliveryStatus status(Optional<String> value) {
        return value.map(text -> Arrays.stream(DeliveryStatus.values())
                        .filter(status -> status.value().equals(text))
                        .findFirst()
                        .orElseThrow(() -> ApiException.invalidParameter(
                                "status", "must be one of retrying, delivered, parked")))
                .orElse(null);
    }

    // Not a delivery id at all: unknown like any other.
    private static long deliveryId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
    }
}
