package dev.wechatapi.archive.messages;

import dev.wechatapi.archive.web.ApiException;
import dev.wechatapi.archive.web.LocalTimes;
import dev.wechatapi.archive.web.Ordering;
import dev.wechatapi.archive.web.Page;
import dev.wechatapi.archive.web.PageRequest;
import dev.wechatapi.archive.web.Pagination;
import dev.wechatapi.archive.web.QueryParams;
import dev.wechatapi.archive.web.Tenant;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /messages}: the calling app's archived messages, filtered, newest first unless asked otherwise, paged;
 * {@code GET /messages/{id}}: one of them in the same shape, by the {@code id} (or {@code id_str}) the list shows.
 */
@RestController
final class MessagesEndpoint {

    // A message sent to oneself is archived twice (received and sent), so the direction completes the order.
    private static final Ordering ORDERING = Ordering.of(
            Map.of("id", "msg_id", "create_time", "create_time", "receive_time", "receive_time"),
            "-create_time,-id",
            "msg_id",
            "direction");
    // A message id as the list renders it; anything else names no message.
    private static final Pattern MESSAGE_ID = Pattern.compile("-?[0-9]{1,19}");

    private final MessageStore messages;
    private final MessageRendering rendering;
    private final LocalTimes times;

    MessagesEndpoint(MessageStore messages, MessageRendering rendering, LocalTimes times) {
        this.messages = messages;
        this.rendering = rendering;
        this.times = times;
    }

    @GetMapping("/messages")
    Mono<Page<MessageView>> messages(ServerHttpRequest request) {
        return Mono.defer(() -> {
            String appId = Tenant.appId(request);
            QueryParams params = QueryParams.of(request);
            MessageQuery query = MessageFilter.query(appId, params, times);
            String orderBy = ORDERING.orderBy(params);
            PageRequest page = PageRequest.from(params);
            return messages.count(query).flatMap(count -> Pagination.paginate(request, page, Mono.just(count.n()),
                    p -> messages.messages(query, orderBy, p, count).map(row -> rendering.view(row, request))));
        });
    }

    /** One message of the calling app; an unknown id, a malformed one or another app's is 404. */
    @GetMapping("/messages/{id}")
    Mono<MessageView> message(@PathVariable String id, ServerHttpRequest request) {
        return Mono.defer(() -> {
            String appId = Tenant.appId(request);
            Long msgId = parse(id);
            if (msgId == null) {
                return Mono.error(ApiException.notFound());
            }
            return messages.message(appId, msgId)
                    .map(row -> rendering.view(row, request))
                    .switchIfEmpty(Mono.error(ApiException::notFound));
        });
    }

    private static @Nullable Long parse(String id) {
        if (!MESSAGE_ID.matcher(id).matches()) {
            return null;
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null; // 19 digits beyond Long.MAX_VALUE: no message has that id
        }
    }
}
