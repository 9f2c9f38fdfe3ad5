package dev.wechatapi.session.sending;

import dev.wechatapi.session.ApiTimes;
import dev.wechatapi.session.web.AppId;
import dev.wechatapi.session.web.GatewayBase;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /send-message}: sends a text, picture, file or video to a friend, group or official account by puid. */
@RestController
class SendMessageController {

    private final SendMessageReader reader;
    private final MessageSender sender;
    private final ApiTimes times;

    SendMessageController(SendMessageReader reader, MessageSender sender, ApiTimes times) {
        this.reader = reader;
        this.sender = sender;
        this.times = times;
    }

    @PostMapping("/send-message")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SentMessageView> send(AppId app, ServerWebExchange exchange) {
        return reader.read(exchange)
                .flatMap(request -> sender.send(app.value(), request).doFinally(end -> request.discard()))
                .map(sent -> SentMessageView.of(sent, times, GatewayBase.of(exchange.getRequest())));
    }
}
