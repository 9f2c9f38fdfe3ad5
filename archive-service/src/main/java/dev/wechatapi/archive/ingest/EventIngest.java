package dev.wechatapi.archive.ingest;

import dev.wechatapi.archive.contacts.ContactSnapshots;
import dev.wechatapi.archive.messages.MessageArchive;
import dev.wechatapi.archive.sessions.SessionStates;
import dev.wechatapi.archive.store.DatabaseFailures;
import dev.wechatapi.archive.webhooks.WebhookQueue;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The consumers of the three topics. Each poll's rows are committed before the listener returns, and the
 * container commits the offsets only after that, so a crash replays records rather than losing them; the stores
 * make the replay harmless. Blocking is fine here: these are Kafka's consumer threads, not Netty's.
 *
 * <p>Each message's webhook delivery, if its app has a webhook, is queued right after its row, before the offset is
 * committed: a crash in between replays the record, and both writes ignore what they already hold.
 *
 * <p>Messages arrive in batches (one poll) and are written as multi-row INSERTs. A record that fails is reported
 * with its index ({@link BatchListenerFailedException}): the error handler commits the records before it, retries
 * or dead-letters it alone, and hands the rest back in the next poll.
 */
@Component
final class EventIngest {

    private static final Logger log = LoggerFactory.getLogger(EventIngest.class);

    private final EventReader reader;
    private final MessageArchive messages;
    private final WebhookQueue webhooks;
    private final ContactSnapshots contacts;
    private final SessionStates sessions;
    private final IngestProperties properties;

    EventIngest(EventReader reader, MessageArchive messages, WebhookQueue webhooks, ContactSnapshots contacts,
            SessionStates sessions, IngestProperties properties) {
        this.reader = reader;
        this.messages = messages;
        this.webhooks = webhooks;
        this.contacts = contacts;
        this.sessions = sessions;
        this.properties = properties;
    }

    // Two consumers: one parses its poll while the other's rows are being written.
    @KafkaListener(id = "archive-messages", idIsGroup = false, topics = Topics.MESSAGES, batch = "true",
            concurrency = "${wechat.archive.ingest.message-consumers:2}")
    void onMessages(List<ConsumerRecord<String, byte[]>> records) {
        MessageBatch batch = new MessageBatch();
        for (int i = 0; i < records.size(); i++) {
            Object event = read(records.get(i), i, batch);
            if (event instanceof MessageEvent message) {
                batch.add(i, message);
            } else {
                // Another event type on the messages topic keeps its place in the partition's order.
                store(batch);
                try {
                    ingest(event, records.get(i));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("event failed", e, i);
                }
            }
        }
        store(batch);
    }

    @KafkaListener(id = "archive-contacts", idIsGroup = false, topics = Topics.CONTACTS)
    void onContacts(ConsumerRecord<String, byte[]> record) {
        ingest(reader.read(record), record);
    }

    @KafkaListener(id = "archive-sessions", idIsGroup = false, topics = Topics.SESSIONS)
    void onSession(ConsumerRecord<String, byte[]> record) {
        ingest(reader.read(record), record);
    }

    // The messages read so far are stored before an unreadable record is reported, so they are committed with
    // the offsets before it.
    private Object read(ConsumerRecord<String, byte[]> record, int index, MessageBatch batch) {
        try {
            return reader.read(record);
        } catch (UnreadableEventException e) {
            store(batch);
            throw new BatchListenerFailedException(e.getMessage(), e, index);
        }
    }

    // Any event type is stored wherever it arrives: the payload, not the topic, says what it is.
    private void ingest(Object event, ConsumerRecord<String, byte[]> record) {
        Mono<?> write = switch (event) {
            case MessageEvent message -> archive(List.of(message));
            case ContactsSnapshot snapshot -> contacts.apply(snapshot);
            case SessionStateChanged change -> sessions.record(change);
            default -> throw new UnreadableEventException("record at offset " + record.offset() + " is not archivable");
        };
        write.block(properties.writeTimeout());
    }

    private void store(MessageBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            Long affected = archive(batch.messages()).block(properties.writeTimeout());
            log.debug("Archived {} messages ({} rows affected)", batch.messages().size(), affected);
        } catch (RuntimeException e) {
            throw batch.failure(e, this::storeOne);
        }
        batch.clear();
    }

    private void storeOne(MessageEvent message) {
        archive(List.of(message)).block(properties.writeTimeout());
    }

    // Emits the message rows affected.
    private Mono<Long> archive(List<MessageEvent> batch) {
        return messages.archive(batch).flatMap(affected -> webhooks.enqueue(batch).thenReturn(affected));
    }

    /** The messages of a poll not stored yet, with their indexes in the poll. */
    private static final class MessageBatch {

        private final List<Integer> indexes = new ArrayList<>();
        private final List<MessageEvent> messages = new ArrayList<>();

        void add(int index, MessageEvent message) {
            indexes.add(index);
            messages.add(message);
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }

        List<MessageEvent> messages() {
            return messages;
        }

        void clear() {
            indexes.clear();
            messages.clear();
        }

        /**
         * The failure to report for a batch that could not be written. An unreachable database fails them all
         * alike, so the first is retried; otherwise one message is at fault, found by writing them one at a time,
         * so only that one is retried and dead-lettered.
         */
        BatchListenerFailedException failure(RuntimeException failure, Consumer<MessageEvent> one) {
            if (messages.size() > 1 && !DatabaseFailures.unreachable(failure)) {
                for (int i = 0; i < messages.size(); i++) {
                    try {
                        one.accept(messages.get(i));
                    } catch (RuntimeException e) {
                        return new BatchListenerFailedException("message failed", e, indexes.get(i));
                    }
                }
            }
            return new BatchListenerFailedException("messages failed", failure, indexes.getFirst());
        }
    }
}
