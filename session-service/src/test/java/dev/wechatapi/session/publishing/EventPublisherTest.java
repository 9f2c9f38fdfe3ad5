package dev.wechatapi.session.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.events.Topics;
import dev.wechatapi.session.SessionProperties;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * What the publisher does with Kafka's answers: retries what may succeed later, and leaves out for good what Kafka
 * can never take (a record over the topic's size limit) so the rest of the batch still goes out.
 */
class EventPublisherTest {

    private final RecordingTemplate kafka = new RecordingTemplate();
    private final EventPublisher publisher = new EventPublisher(kafka, properties());

    @Test
    void aSnapshotTooLargeForItsTopicIsLeftOutAndTheOtherEventsArePublished() throws Exception {
        Outgoing state = Outgoing.state(new SessionStateChanged("app", SessionState.LOGGED_IN, "p", "n", null,
                Instant.EPOCH));
        Outgoing snapshot = Outgoing.contacts(new ContactsSnapshot("app", null, List.of(), Instant.EPOCH));
        kafka.refuseContacts = new RecordTooLargeException("the message is 70000000 bytes");

        boolean published = publisher.publishAll(List.of(state, snapshot), () -> true);

        assertThat(published).isTrue();
        assertThat(kafka.topicsSent).containsExactly(Topics.SESSIONS, Topics.CONTACTS, Topics.SESSIONS);
    }

    @Test
    void aFailureThatMayPassIsRetriedWithTheWholeBatch() throws Exception {
        Outgoing snapshot = Outgoing.contacts(new ContactsSnapshot("app", null, List.of(), Instant.EPOCH));
        kafka.refuseContacts = new NetworkException("broker went away");
        kafka.refusals = 2;

        boolean published = publisher.publishAll(List.of(snapshot), () -> true);

        assertThat(published).isTrue();
        assertThat(kafka.topicsSent).containsExactly(Topics.CONTACTS, Topics.CONTACTS, Topics.CONTACTS);
    }

    @Test
    void withoutLeaveToKeepTryingAFailedPublicationReportsFalse() throws Exception {
        Outgoing snapshot = Outgoing.contacts(new ContactsSnapshot("app", null, List.of(), Instant.EPOCH));
        kafka.refuseContacts = new NetworkException("broker went away");
        kafka.refusals = Integer.MAX_VALUE;

        assertThat(publisher.publishAll(List.of(snapshot), () -> false)).isFalse();
    }

    private static SessionProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of(
                "wechat.session.retry-backoff-initial", "1ms", "wechat.session.retry-backoff-max", "2ms")))
                .bindOrCreate("wechat.session", SessionProperties.class);
    }

    /** Answers sends at once: the contacts topic refuses with the configured error, the others succeed. */
    private static final class RecordingTemplate extends KafkaTemplate<String, CloudEvent> {

        final List<String> topicsSent = new ArrayList<>();
        RuntimeException refuseContacts;
        int refusals = Integer.MAX_VALUE;

        RecordingTemplate() {
            super(new DefaultKafkaProducerFactory<>(Map.of()));
        }

        @Override
        public CompletableFuture<SendResult<String, CloudEvent>> send(ProducerRecord<String, CloudEvent> record) {
            topicsSent.add(record.topic());
            if (record.topic().equals(Topics.CONTACTS) && refuseContacts != null && refusals-- > 0) {
                return CompletableFuture.failedFuture(refuseContacts);
            }
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        }
    }
}
