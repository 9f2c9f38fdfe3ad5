package dev.wechatapi.session.sync;

import dev.wechatapi.session.Backoff;
import dev.wechatapi.session.contacts.ContactBook;
import dev.wechatapi.session.publishing.EventPublisher;
import dev.wechatapi.session.publishing.Outgoing;
import dev.wechatapi.wechat.SyncBatch;
import dev.wechatapi.wechat.WeChatException;
import dev.wechatapi.wechat.WeChatMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one live session in sync: long-polls WeChat, turns each batch into events (storing its media first, see
 * {@link MessageMedia}) and waits until Kafka has acknowledged them before asking for the next batch, so a crash
 * can replay a batch but never lose one. Runs on its own virtual thread until the session ends or WeChat logs it out; other failures back off exponentially.
 */
public final class SyncLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SyncLoop.class);

    private final LiveSession live;
    private final EventPublisher publisher;
    private final MessageMedia media;
    private final Backoff backoff;
    private final Clock clock;
    private final Consumer<String> onLoggedOut;
    private final Runnable onAcknowledged;

    /**
     * @param onLoggedOut called with a reason when WeChat ended the session (not when {@link LiveSession#end} did)
     */
    public SyncLoop(LiveSession live, EventPublisher publisher, MessageMedia media, Backoff backoff, Clock clock,
            Consumer<String> onLoggedOut) {
        this(live, publisher, media, backoff, clock, onLoggedOut, () -> {});
    }

    /**
     * @param onAcknowledged called after every round whose events Kafka acknowledged, before the next
     *     {@code sync()}: the one moment the session's sync position may be saved
     */
    public SyncLoop(LiveSession live, EventPublisher publisher, MessageMedia media, Backoff backoff, Clock clock,
            Consumer<String> onLoggedOut, Runnable onAcknowledged) {
        this.live = live;
        this.publisher = publisher;
        this.media = media;
        this.backoff = backoff;
        this.clock = clock;
        this.onLoggedOut = onLoggedOut;
        this.onAcknowledged = onAcknowledged;
    }

    @Override
    public void run() {
        try {
            while (!live.isEnded()) {
                SyncBatch batch = poll();
                if (batch == null) {
                    return;
                }
                if (!publisher.publishAll(events(batch), () -> true)) {
                    return;
                }
                live.synced(clock.instant());
                onAcknowledged.run();
            }
        } catch (InterruptedException e) {
            // Only the service shutting down interrupts a pause or a publication.
            log.info("sync loop of app {} interrupted", live.appId());
            Thread.currentThread().interrupt();
        }
    }

    /** One sync round with retries; null when the loop must stop. */
    private SyncBatch poll() throws InterruptedException {
        while (live.enterSync()) {
            try {
                SyncBatch batch = live.weChat().sync();
                backoff.reset();
                return batch;
            } catch (WeChatException.LoggedOut e) {
                if (!live.isEnded()) {
                    onLoggedOut.accept("retcode " + e.code() + ": " + e.getMessage());
                }
                return null;
            } catch (WeChatException | RuntimeException e) {
                if (live.isEnded()) {
                    return null;
                }
                log.warn("sync of app {} failed, backing off: {}", live.appId(), e.toString());
            } finally {
                live.leaveSync();
            }
            backoff.pause();
        }
        return null;
    }

    /** The batch's events; media messages' media are stored first, so their events can carry media ids. */
    private List<Outgoing> events(SyncBatch batch) throws InterruptedException {
        List<Outgoing> events = new ArrayList<>();
        Instant now = clock.instant();
        if (!batch.changedContacts().isEmpty() || !batch.deletedUserNames().isEmpty()) {
            ContactBook changed = live.updateBook(
                    book -> book.withChanges(batch.changedContacts(), batch.deletedUserNames()));
            events.add(Outgoing.contacts(changed.snapshot(live.appId(), now, live.avatars())));
        }
        List<MessageMedia.Synced> messages = new ArrayList<>();
        for (WeChatMessage message : batch.messages()) {
            try {
                MessageEvents.from(live.appId(), live.book(), message, now)
                        .ifPresent(event -> messages.add(new MessageMedia.Synced(message, event)));
            } catch (RuntimeException unreadable) {
                // WeChat already counts the batch as delivered; one odd message must not stop the account's loop.
                log.error("app {}: message {} cannot be published and is dropped", live.appId(), message.msgId(),
                        unreadable);
            }
        }
        media.attach(live.appId(), live.weChat(), messages).forEach(event -> events.add(Outgoing.message(event)));
        return events;
    }
}
