package dev.wechatapi.session.sending;

import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.media.StoredMedia;
import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.VirtualThreads;
import dev.wechatapi.session.contacts.ContactBook;
import dev.wechatapi.session.media.MediaDownloads;
import dev.wechatapi.session.login.AccountSessions;
import dev.wechatapi.session.publishing.EventPublisher;
import dev.wechatapi.session.publishing.Outgoing;
import dev.wechatapi.session.sync.LiveSession;
import dev.wechatapi.session.web.ApiException;
import dev.wechatapi.wechat.SentMessage;
import dev.wechatapi.wechat.WeChatDriver;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends a validated request through the app's live session, paced per account by {@link SendLanes}, and publishes
 * what was sent.
 */
@Component
class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final AccountSessions sessions;
    private final WeChatDriver driver;
    private final EventPublisher publisher;
    private final VirtualThreads threads;
    private final SendLanes lanes;
    private final MediaDownloads media;
    private final SessionProperties properties;

    MessageSender(AccountSessions sessions, WeChatDriver driver, EventPublisher publisher, VirtualThreads threads,
            SendLanes lanes, MediaDownloads media, SessionProperties properties) {
        this.sessions = sessions;
        this.media = media;
        this.lanes = lanes;
        this.driver = driver;
        this.publisher = publisher;
        this.threads = threads;
        this.properties = properties;
    }

    Mono<MessageEvent> send(String appId, SendMessageRequest request) {
        return Mono.defer(() -> {
            request.validated();
            SendKind kind = SendKind.named(request.type());
            if (!driver.capabilities().sends().contains(kind.apiName())) {
                throw ApiException.badRequest("unsupported_message_type",
                        "暂不支持发送" + request.type() + "类型的消息");
            }
            String puid = request.puid().trim();
            // Checked now for a quick answer, and again when the send's turn comes: the session may have changed.
            resolve(appId, puid);
            return lanes.submit(appId, () -> {
                        Recipient now = resolve(appId, puid);
                        // Read on the lane's virtual thread, so only the send being made holds a file in memory.
                        byte[] bytes = request.file() != null ? request.file().bytes() : null;
                        SentMessage sent = kind.send(now.live().weChat(), now.to().userName(), request, bytes);
                        String mediaId = bytes != null ? keep(appId, request.file(), bytes) : null;
                        return sentEvent(appId, now.live().book().self(), now.to(), sent, kind, request, bytes,
                                mediaId);
                    })
                    .flatMap(event -> publish(event).thenReturn(event));
        });
    }

    private record Recipient(LiveSession live, ContactBook.Entry to) {}

    private Recipient resolve(String appId, String puid) {
        LiveSession live = sessions.live(appId).orElseThrow(ApiException::offline);
        ContactBook.Entry to = live.book().byPuid(puid)
                .orElseThrow(() -> ApiException.badRequest("unknown_puid", "未找到对应uuid的匹配对象!"));
        return new Recipient(live, to);
    }

    /**
     * Stores a sent file once WeChat has it (a refused send leaves nothing behind). A store failure costs the event
     * its media id, not the send: the message is already out.
     */
    private String keep(String appId, Upload file, byte[] bytes) {
        String contentType = MediaTypeFactory.getMediaType(file.fileName())
                .orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
        return media.keep(appId, bytes, contentType, file.fileName()).map(StoredMedia::mediaId).orElse(null);
    }

    private static MessageEvent sentEvent(String appId, ContactBook.Entry self, ContactBook.Entry to,
            SentMessage sent, SendKind kind, SendMessageRequest request, byte[] bytes, String mediaId) {
        return new MessageEvent(appId, sent.msgId(), Direction.SENT, kind.type(), kind.rawMsgType(request),
                self.party(), to.party(), null, null, false, kind.content(request, bytes, mediaId), sent.sentAt(),
                sent.sentAt());
    }

    /**
     * Waits a bounded time for Kafka. The message is already on WeChat, so a slow or failed publication must not
     * turn into an error the client would answer by sending again: it is retried in the background instead.
     */
    private Mono<Void> publish(MessageEvent event) {
        List<Outgoing> events = List.of(Outgoing.message(event));
        return Mono.fromFuture(() -> publisher.publish(events))
                .timeout(properties.publishTimeout())
                .onErrorResume(failure -> {
                    log.warn("publishing sent message {} of app {} failed, retrying in the background",
                            event.msgId(), event.appId(), failure);
                    threads.start("publish-sent-" + event.msgId(), () -> {
                        try {
                            publisher.publishAll(events, () -> true);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    return Mono.empty();
                });
    }
}
