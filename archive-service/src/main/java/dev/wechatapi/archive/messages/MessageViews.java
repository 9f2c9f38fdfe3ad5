package dev.wechatapi.archive.messages;

import dev.wechatapi.events.Direction;
import java.net.URI;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Archived messages in the {@code GET /messages} item shape, for features that send them outside a request, such
 * as webhooks. Media URLs point at the gateway given, as a request of the app through it would show them.
 *
 * <pre>{@code
 * views.find(appId, msgId, Direction.RECEIVED, URI.create("https://api.example.com")) // empty if not archived
 * }</pre>
 */
@Component
public final class MessageViews {

    private final MessageStore messages;
    private final MessageRendering rendering;

    MessageViews(MessageStore messages, MessageRendering rendering) {
        this.messages = messages;
        this.rendering = rendering;
    }

    public Mono<MessageView> find(String appId, long msgId, Direction direction, URI gateway) {
        return messages.message(appId, msgId, direction.name()).map(row -> rendering.view(row, gateway, appId));
    }
}
