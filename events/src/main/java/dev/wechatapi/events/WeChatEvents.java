package dev.wechatapi.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and reads the CloudEvents of the contract. Producers send the result with
 * {@code io.cloudevents.kafka.CloudEventSerializer} and the app id as record key; consumers read it with
 * {@code CloudEventDeserializer} and {@link #payload}.
 *
 * <pre>{@code
 * CloudEvent event = WeChatEvents.messageEvent(message);
 * producer.send(new ProducerRecord<>(Topics.MESSAGES, message.appId(), event));
 * }</pre>
 */
public final class WeChatEvents {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private static final Map<String, Class<?>> PAYLOADS = Map.of(
            EventTypes.MESSAGE_RECEIVED, MessageEvent.class,
            EventTypes.MESSAGE_SENT, MessageEvent.class,
            EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class,
            EventTypes.SESSION_STATE, SessionStateChanged.class);

    private WeChatEvents() {}

    /**
     * The event of a received or sent message. Its id is derived from the app and WeChat's message id, so the
     * same message published twice carries the same id.
     */
    public static CloudEvent messageEvent(MessageEvent message) {
        String type = message.direction() == Direction.SENT ? EventTypes.MESSAGE_SENT : EventTypes.MESSAGE_RECEIVED;
        String id = "msg:" + message.appId() + ":" + message.direction().name().toLowerCase() + ":" + message.msgId();
        return build(type, id, message.appId(), message.receiveTime(), message);
    }

    /** The event of a complete contact list. */
    public static CloudEvent contactsSnapshot(ContactsSnapshot snapshot) {
        String id = "contacts:" + snapshot.appId() + ":" + snapshot.takenAt().toEpochMilli();
        return build(EventTypes.CONTACTS_SNAPSHOT, id, snapshot.appId(), snapshot.takenAt(), snapshot);
    }

    /** The event of a session state change. */
    public static CloudEvent sessionState(SessionStateChanged change) {
        return build(EventTypes.SESSION_STATE, "session:" + UUID.randomUUID(), change.appId(), change.at(), change);
    }

    /** Reads the payload of an event of this contract; the Java type follows from the event's {@code type}. */
    public static Object payload(CloudEvent event) {
        Class<?> type = PAYLOADS.get(event.getType());
        if (type == null) {
            throw new UnknownEventException("unknown event type " + event.getType());
        }
        return payload(event, type);
    }

    /** Reads the payload of an event as the given record type. */
    public static <T> T payload(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new UnknownEventException("event " + event.getId() + " has no data");
        }
        try {
            return JSON.readValue(event.getData().toBytes(), type);
        } catch (JacksonException e) {
            throw new UnknownEventException("event " + event.getId() + " has unreadable data: " + e.getOriginalMessage());
        }
    }

    /** The app id an event belongs to (also its record key). */
    public static String appId(CloudEvent event) {
        Object appId = event.getExtension(EventTypes.APP_ID_EXTENSION);
        return appId != null ? appId.toString() : event.getSubject();
    }

    private static CloudEvent build(String type, String id, String appId, Instant time, Object payload) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(EventTypes.SESSION_SERVICE_SOURCE))
                .withType(type)
                .withSubject(appId)
                .withExtension(EventTypes.APP_ID_EXTENSION, appId)
                .withTime((time != null ? time : Instant.now()).atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(payload))
                .build();
    }

    /** An event that is not part of this contract, or whose data cannot be read. */
    public static final class UnknownEventException extends RuntimeException {
        public UnknownEventException(String message) {
            super(message);
        }
    }
}
