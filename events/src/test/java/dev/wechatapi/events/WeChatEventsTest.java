package dev.wechatapi.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class WeChatEventsTest {

    private final MessageEvent message = new MessageEvent(
            "0123456789abcdef0123456789abcdef",
            4_611_686_018_427_387_904L,
            Direction.RECEIVED,
            MessageType.Text,
            1,
            new Party("a1b2c3d4", ContactKind.FRIEND, "小明 😀"),
            new Party("selfpuid", ContactKind.FRIEND, "我"),
            null,
            null,
            false,
            MessageContent.text("你好 🎉"),
            Instant.parse("2026-11-25T02:01:24Z"),
            Instant.parse("2026-11-25T02:01:25Z"));

    @Test
    void messageSurvivesTheKafkaBindingWithEmojiAndLargeIds() {
        CloudEvent event = WeChatEvents.messageEvent(message);
        var headers = new RecordHeaders();
        byte[] body;
        try (var serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            body = serializer.serialize(Topics.MESSAGES, headers, event);
        }
        CloudEvent read;
        try (var deserializer = new CloudEventDeserializer()) {
            read = deserializer.deserialize(Topics.MESSAGES, headers, body);
        }

        assertThat(read.getType()).isEqualTo(EventTypes.MESSAGE_RECEIVED);
        assertThat(WeChatEvents.appId(read)).isEqualTo(message.appId());
        assertThat(WeChatEvents.payload(read)).isEqualTo(message);
    }

    @Test
    void sameMessagePublishedTwiceHasTheSameEventId() {
        assertThat(WeChatEvents.messageEvent(message).getId()).isEqualTo(WeChatEvents.messageEvent(message).getId());
    }

    @Test
    void foreignEventTypeIsRefusedWithAClearError() {
        CloudEvent foreign = CloudEventBuilder.v1()
                .withId("1")
                .withSource(URI.create("urn:x"))
                .withType("com.example.other")
                .build();
        assertThatThrownBy(() -> WeChatEvents.payload(foreign))
                .isInstanceOf(WeChatEvents.UnknownEventException.class)
                .hasMessageContaining("com.example.other");
    }
}
