package dev.wechatapi.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.events.WeChatEvents;
import dev.wechatapi.testsupport.TestKafka;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runners against a real broker: each test has its own topic (one partition, so the order of everything published
 * is the order of delivery) and its own consumer group.
 */
class HandlerRunnerKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String APP = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_APP = "fedcba9876543210fedcba9876543210";

    private static KafkaProducer<String, CloudEvent> producer;
    private static Admin admin;
    private final List<HandlerRunner> runners = new ArrayList<>();
    private String topic;
    private String group;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new CloudEventSerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        admin.close();
    }

    @BeforeEach
    void newTopicAndGroup() throws Exception {
        topic = "handlers-" + UUID.randomUUID();
        group = "group-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }

    @AfterEach
    void stopRunners() {
        runners.forEach(HandlerRunner::close);
    }

    @Test
    void everyHandlerReceivesEveryReceivedMessageOfItsAppInOrder() throws Exception {
        Recording first = new Recording();
        Recording second = new Recording();
        start(b -> b.appId(APP).handler(first).handler(second));

        publish(Messages.text(OTHER_APP, "another app"));
        publish(Messages.text(APP, "one"));
        publish(Messages.sent(APP, "the account's own"));
        publish(Messages.received(APP, MessageType.Picture, Messages.media("m1")));
        publish(Messages.text(APP, "two"));

        Eventually.until("both handlers got three messages", WAIT,
                () -> first.seen.size() >= 3 && second.seen.size() >= 3);
        assertThat(first.seen).containsExactly("Text:one", "Picture:null", "Text:two");
        assertThat(second.seen).containsExactly("Text:one", "Picture:null", "Text:two");
    }

    @Test
    void withoutAnAppEveryAppsMessagesAndOnRequestSentOnesArrive() throws Exception {
        Recording handler = new Recording();
        start(b -> b.includeSentMessages(true).handler(handler));

        publish(Messages.text(OTHER_APP, "another app"));
        publish(Messages.sent(APP, "the account's own"));

        Eventually.until("two messages", WAIT, () -> handler.seen.size() >= 2);
        assertThat(handler.seen).containsExactly("Text:another app", "Text:the account's own");
    }

    @Test
    void aThrowingHandlerGetsTheMessageAgainWhileOtherHandlersAndLaterMessagesContinue() throws Exception {
        Picky picky = new Picky();
        Recording healthy = new Recording();
        List<HandlerFailure> failures = new CopyOnWriteArrayList<>();
        start(b -> b.appId(APP).handler(picky).handler(healthy).maxAttempts(3)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100)).onFailure(failures::add));

        publish(Messages.text(APP, "poison"));
        publish(Messages.text(APP, "flaky"));
        publish(Messages.text(APP, "after"));

        Eventually.until("the picky handler handled the last message", WAIT, () -> picky.handled.contains("after"));
        assertThat(picky.handled).containsExactly("flaky", "after");
        assertThat(picky.attempts).containsExactly("poison", "poison", "poison", "flaky", "flaky", "flaky", "after");
        assertThat(healthy.seen).containsExactly("Text:poison", "Text:flaky", "Text:after");
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.handler()).isSameAs(picky);
            assertThat(failure.message().text()).isEqualTo("poison");
            assertThat(failure.attempts()).isEqualTo(3);
        });
    }

    @Test
    void aMessageCutShortByShutdownIsDeliveredAgainAfterRestartAndNoneIsLost() throws Exception {
        Picky beforeRestart = new Picky();
        HandlerRunner first = start(b -> b.appId(APP).handler(beforeRestart).maxAttempts(100)
                .backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        publish(Messages.text(APP, "one"));
        publish(Messages.text(APP, "two"));
        publish(Messages.text(APP, "poison"));
        Eventually.until("the first attempt at the poison", WAIT, () -> beforeRestart.attempts.contains("poison"));

        first.close();
        publish(Messages.text(APP, "three"));
        Recording afterRestart = new Recording();
        start(b -> b.appId(APP).handler(afterRestart));

        Eventually.until("the restarted runner caught up", WAIT, () -> afterRestart.seen.contains("Text:three"));
        assertThat(beforeRestart.handled).containsExactly("one", "two");
        assertThat(afterRestart.seen).containsExactly("Text:poison", "Text:three");
        Eventually.until("everything committed", WAIT, () -> committedOffset() == 4);
    }

    @Test
    void copiesInOneGroupShareTheMessagesAndEachMessageIsHandledOnce() throws Exception {
        topic = "handlers-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        Recording copy1 = new Recording();
        Recording copy2 = new Recording();
        HandlerRunner first = start(b -> b.handler(copy1));
        start(b -> b.handler(copy2));
        Eventually.until("the first copy gave up a partition", WAIT, () -> first.partitions().size() == 1);

        List<String> published = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int partition = 0; partition < 2; partition++) {
                MessageEvent message = Messages.text(APP, "p" + partition + "-" + i);
                producer.send(new ProducerRecord<>(topic, partition, APP, WeChatEvents.messageEvent(message))).get();
                published.add("Text:" + message.content().text());
            }
        }

        Eventually.until("all handled", WAIT, () -> copy1.seen.size() + copy2.seen.size() >= published.size());
        assertThat(copy1.seen).isNotEmpty();
        assertThat(copy2.seen).isNotEmpty();
        List<String> all = new ArrayList<>(copy1.seen);
        all.addAll(copy2.seen);
        assertThat(all).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void recordsThatAreNoReadableMessagesAreSkipped() throws Exception {
        Recording handler = new Recording();
        start(b -> b.handler(handler));
        try (var raw = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>(topic, APP, "not a cloud event")).get();
        }
        producer.send(new ProducerRecord<>(topic, APP, WeChatEvents.sessionState(new SessionStateChanged(
                APP, SessionState.LOGGED_IN, "self0000puid", "我", null, Instant.now())))).get();
        producer.send(new ProducerRecord<>(topic, APP, io.cloudevents.core.builder.CloudEventBuilder
                .v1(WeChatEvents.messageEvent(Messages.text(APP, "broken")))
                .withType(EventTypes.MESSAGE_RECEIVED)
                .withData("application/json", "{\"msgId\": \"not a number\"".getBytes())
                .build())).get();
        publish(Messages.received(APP, MessageType.Card, MessageContent.text("after the rubbish")));

        Eventually.until("the message after the rubbish", WAIT, () -> !handler.seen.isEmpty());
        assertThat(handler.seen).containsExactly("Card:after the rubbish");
    }

    private HandlerRunner start(UnaryOperator<HandlerRunner.Builder> configuration) throws InterruptedException {
        HandlerRunner runner = configuration.apply(HandlerRunner.builder()
                        .bootstrapServers(TestKafka.bootstrapServers())
                        .groupId(group)
                        .topic(topic)
                        .shutdownTimeout(Duration.ofSeconds(10)))
                .build()
                .start();
        runners.add(runner);
        assertThat(runner.awaitJoined(WAIT)).as("joined the group").isTrue();
        return runner;
    }

    private void publish(MessageEvent message) throws Exception {
        producer.send(new ProducerRecord<>(topic, message.appId(), WeChatEvents.messageEvent(message))).get();
    }

    private long committedOffset() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, 0));
        return offset == null ? -1 : offset.offset();
    }

    /** Records the type and text of every message. */
    private static final class Recording extends MessageHandler {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void defaultHandle(IncomingMessage message) {
            seen.add(message.type() + ":" + message.text());
        }
    }

    /** Always throws on "poison", throws twice on "flaky", handles everything else. */
    private static final class Picky extends MessageHandler {
        final List<String> attempts = new CopyOnWriteArrayList<>();
        final List<String> handled = new CopyOnWriteArrayList<>();

        @Override
        public void text(IncomingMessage message) {
            attempts.add(message.text());
            long tries = attempts.stream().filter(message.text()::equals).count();
            if (message.text().equals("poison") || (message.text().equals("flaky") && tries <= 2)) {
                throw new IllegalStateException("cannot handle " + message.text() + " yet");
            }
            handled.add(message.text());
        }
    }
}
