package dev.wechatapi.archive.ingest;

import dev.wechatapi.archive.contacts.ContactSnapshots;
import dev.wechatapi.archive.messages.MessageArchive;
import dev.wechatapi.archive.sessions.SessionStates;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The consumers of the three topics. Each record's rows are committed before the listener returns, and the
 * container commits the offset only after that, so a crash replays the record rather than losing it; the
 * stores make the replay harmless. Blocking is fine here: these are Kafka's consumer threads, not Netty's.
 */
@Component
final class EventIngest {

    private static final Logger log = LoggerFactory.getLogger(EventIngest.class);

    private final EventReader reader;
    private final MessageArchive messages;
    private final ContactSnapshots contacts;
    private final SessionStates sessions;
    private final IngestProperties properties;

    EventIngest(EventReader reader, MessageArchive messages, ContactSnapshots contacts, SessionStates sessions,
            IngestProperties properties) {
        this.reader = reader;
        this.messages = messages;
        this.contacts = contacts;
        this.sessions = sessions;
        this.properties = properties;
    }

    @KafkaListener(id = "archive-messages", idIsGroup = false, topics = Topics.MESSAGES)
    void onMessage(ConsumerRecord<String, byte[]> record) {
        ingest(record);
    }

    @KafkaListener(id = "archive-contacts", idIsGroup = false, topics = Topics.CONTACTS)
    void onContacts(ConsumerRecord<String, byte[]> record) {
        ingest(record);
    }

    @KafkaListener(id = "archive-sessions", idIsGroup = false, topics = Topics.SESSIONS)
    void onSession(ConsumerRecord<String, byte[]> record) {
        ingest(record);
    }

    // Any event type is stored wherever it arrives: the payload, not the topic, says what it is.
    private void ingest(ConsumerRecord<String, byte[]> record) {
        Mono<?> write = switch (reader.read(record)) {
            case MessageEvent message -> messages.archive(message).doOnNext(stored -> {
                if (!stored) {
                    log.debug("Message {} of {} was already archived", message.msgId(), message.appId());
                }
            });
            case ContactsSnapshot snapshot -> contacts.apply(snapshot);
            case SessionStateChanged change -> sessions.record(change);
            default -> throw new UnreadableEventException("record at offset " + record.offset() + " is not archivable");
        };
        write.block(properties.writeTimeout());
    }
}
