package dev.wechatapi.archive.messages;

import dev.wechatapi.archive.web.LocalTimes;
import dev.wechatapi.archive.web.Ordering;
import dev.wechatapi.archive.web.Page;
import dev.wechatapi.archive.web.PageRequest;
import dev.wechatapi.archive.web.Pagination;
import dev.wechatapi.archive.web.QueryParams;
import dev.wechatapi.archive.web.Tenant;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /messages}: the calling app's archived messages, filtered, newest first unless asked otherwise, paged. */
@RestController
final class MessagesEndpoint {

    // A message sent to oneself is archived twice (received and sent), so the direction completes the order.
    private static final Ordering ORDERING = Ordering.of(
            Map.of("id", "msg_id", "create_time", "create_time", "receive_time", "receive_time"),
            "-create_time,-id",
            "msg_id",
            "direction");

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
            return Pagination.paginate(request, PageRequest.from(params), messages.count(query),
                    page -> messages.messages(query, orderBy, page).map(row -> rendering.view(row, request)));
        });
    }
}
