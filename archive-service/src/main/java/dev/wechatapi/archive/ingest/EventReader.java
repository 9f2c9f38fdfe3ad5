package dev.wechatapi.archive.ingest;

import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.events.WeChatEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a record as an event of the contract and checks that it carries what the archive stores. Records reach
 * the listeners as bytes and are read here with {@link CloudEventDeserializer}, so a record that fails is sent
 * to the dead letter topic byte for byte, CloudEvents headers included, and can be replayed from there.
 */
@Component
final class EventReader {

    // The app id column; a longer "app id" is not one the gateway issued.
    private static final int MAX_APP_ID_LENGTH = 64;

    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

    Object read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = cloudEvent(record);
        Object payload;
        try {
            payload = WeChatEvents.payload(event);
        } catch (WeChatEvents.UnknownEventException e) {
            throw new UnreadableEventException(e.getMessage(), e);
        }
        return switch (payload) {
            case MessageEvent message -> checked(message, appId(message.appId(), event, record), event);
            case ContactsSnapshot snapshot -> checked(snapshot, appId(snapshot.appId(), event, record), event);
            case SessionStateChanged change -> checked(change, appId(change.appId(), event, record), event);
            default -> throw new UnreadableEventException("event " + event.getId() + " has no archivable payload");
        };
    }

    private CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new UnreadableEventException("record at offset " + record.offset() + " has no value");
        }
        try {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            throw new UnreadableEventException("record at offset " + record.offset() + " is not a CloudEvent", e);
        }
    }

    // An app id missing from the payload is taken from the event (extension, subject), then the record key.
    private static String appId(@Nullable String payloadAppId, CloudEvent event, ConsumerRecord<String, byte[]> record) {
        String appId = firstPresent(payloadAppId, WeChatEvents.appId(event), record.key());
        if (appId == null || appId.length() > MAX_APP_ID_LENGTH) {
            throw new UnreadableEventException("event " + event.getId() + " has no valid app id");
        }
        return appId;
    }

    private static MessageEvent checked(MessageEvent m, String appId, CloudEvent event) {
        if (m.direction() == null || m.type() == null || (m.createTime() == null && m.receiveTime() == null)) {
            throw new UnreadableEventException("message event " + event.getId() + " lacks direction, type or time");
        }
        return new MessageEvent(appId, m.msgId(), m.direction(), m.type(), m.rawMsgType(), m.sender(), m.receiver(),
                m.member(), m.memberName(), m.isAt(), m.content(), m.createTime(), m.receiveTime());
    }

    private static ContactsSnapshot checked(ContactsSnapshot s, String appId, CloudEvent event) {
        if (s.takenAt() == null) {
            throw new UnreadableEventException("contacts snapshot " + event.getId() + " has no takenAt");
        }
        return new ContactsSnapshot(appId, s.self(), s.contacts(), s.takenAt());
    }

    private static SessionStateChanged checked(SessionStateChanged c, String appId, CloudEvent event) {
        if (c.state() == null) {
            throw new UnreadableEventException("session event " + event.getId() + " has no state");
        }
        return new SessionStateChanged(appId, c.state(), c.accountPuid(), c.accountName(), c.reason(), c.at());
    }

    private static @Nullable String firstPresent(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
