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
import io.cloudevents.core.builder.CloudEventBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runners against a real broker: delivery and filtering, retries while other handlers continue, restarts and
 * redelivery, copies of one consumer group, unreadable records.
 */
class HandlerRunnerKafkaTest {

    private static final Duration WAIT = KafkaRunners.WAIT;
    private static final String APP = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_APP = "fedcba9876543210fedcba9876543210";

    @RegisterExtension
    final KafkaRunners kafka = new KafkaRunners();

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
        Eventually.until("everything committed", WAIT, () -> kafka.committedOffset(0) == 4);
    }

    @Test
    void copiesInOneGroupShareTheMessagesAndEachMessageIsHandledOnce() throws Exception {
        kafka.newTopic(2);
        Recording copy1 = new Recording();
        Recording copy2 = new Recording();
        HandlerRunner first = start(b -> b.handler(copy1));
        start(b -> b.handler(copy2));
        Eventually.until("the first copy gave up a partition", WAIT, () -> first.partitions().size() == 1);

        List<String> published = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int partition = 0; partition < 2; partition++) {
                MessageEvent message = Messages.text(APP, "p" + partition + "-" + i);
                kafka.publish(partition, message);
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
    void whenACopyStopsTheOtherTakesOverItsPartitionAndNoMessageIsLostOrRepeated() throws Exception {
        kafka.newTopic(2);
        Recording copy1 = new Recording();
        Recording copy2 = new Recording();
        HandlerRunner first = start(b -> b.handler(copy1));
        HandlerRunner second = start(b -> b.handler(copy2));
        Eventually.until("the copies split the partitions", WAIT,
                () -> first.partitions().size() == 1 && second.partitions().size() == 1);
        kafka.publish(0, Messages.text(APP, "p0-before"));
        kafka.publish(1, Messages.text(APP, "p1-before"));
        Eventually.until("both handled", WAIT, () -> copy1.seen.size() + copy2.seen.size() == 2);

        second.close();
        Eventually.until("the first copy reads both partitions", WAIT, () -> first.partitions().size() == 2);
        kafka.publish(0, Messages.text(APP, "p0-after"));
        kafka.publish(1, Messages.text(APP, "p1-after"));

        Eventually.until("the first copy handled both later messages", WAIT,
                () -> copy1.seen.containsAll(List.of("Text:p0-after", "Text:p1-after")));
        // The stopped copy committed what it finished before it left, so the survivor repeats none of it.
        List<String> all = new ArrayList<>(copy1.seen);
        all.addAll(copy2.seen);
        assertThat(all).containsExactlyInAnyOrder("Text:p0-before", "Text:p1-before", "Text:p0-after",
                "Text:p1-after");
        assertThat(copy2.seen).hasSize(1);
    }

    @Test
    void aRedeliveredMessageKeepsItsUniqueIdSoTheReadmesDedupeRecipeActsOnlyOnce() throws Exception {
        // The README's recipe: the effect and the handled id are kept together, and a known id is skipped.
        Set<String> handledIds = ConcurrentHashMap.newKeySet();
        List<String> effects = new CopyOnWriteArrayList<>();
        Deduplicating crashesAfterTheEffect = new Deduplicating(handledIds, effects, true);
        HandlerRunner first = start(b -> b.appId(APP).handler(crashesAfterTheEffect).maxAttempts(100)
                .backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        MessageEvent order = Messages.text(APP, "order 42");
        publish(order);
        Eventually.until("the effect before the crash", WAIT, () -> effects.contains("order 42"));

        // Stopped between the effect and the commit: the message was not committed.
        first.close();
        Deduplicating afterRestart = new Deduplicating(handledIds, effects, false);
        start(b -> b.appId(APP).handler(afterRestart));

        Eventually.until("the message came again", WAIT, () -> !afterRestart.deliveries.isEmpty());
        String uniqueId = IncomingMessage.of(order, (puid, text) -> 0).uniqueId();
        assertThat(crashesAfterTheEffect.deliveries).containsExactly(uniqueId);
        assertThat(afterRestart.deliveries).containsExactly(uniqueId);
        assertThat(effects).containsExactly("order 42");
        Eventually.until("the redelivered message committed", WAIT, () -> kafka.committedOffset(0) == 1);
    }

    @Test
    void recordsThatAreNoReadableMessagesAreSkipped() throws Exception {
        Recording handler = new Recording();
        start(b -> b.handler(handler));
        try (var raw = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>(kafka.topic(), APP, "not a cloud event")).get();
        }
        kafka.send(APP, WeChatEvents.sessionState(new SessionStateChanged(
                APP, SessionState.LOGGED_IN, "self0000puid", "我", null, Instant.now())));
        kafka.send(APP, CloudEventBuilder.v1(WeChatEvents.messageEvent(Messages.text(APP, "broken")))
                .withType(EventTypes.MESSAGE_RECEIVED)
                .withData("application/json", "{\"msgId\": \"not a number\"".getBytes())
                .build());
        publish(Messages.received(APP, MessageType.Card, MessageContent.text("after the rubbish")));

        Eventually.until("the message after the rubbish", WAIT, () -> !handler.seen.isEmpty());
        assertThat(handler.seen).containsExactly("Card:after the rubbish");
    }

    private HandlerRunner start(UnaryOperator<HandlerRunner.Builder> configuration) throws InterruptedException {
        return kafka.start(configuration);
    }

    private void publish(MessageEvent message) throws Exception {
        kafka.publish(message);
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

    /** Does its effect once per unique id; the first copy "crashes" (throws) right after the effect. */
    private static final class Deduplicating extends MessageHandler {
        final List<String> deliveries = new CopyOnWriteArrayList<>();
        private final Set<String> handledIds;
        private final List<String> effects;
        private final boolean crashAfterEffect;

        Deduplicating(Set<String> handledIds, List<String> effects, boolean crashAfterEffect) {
            this.handledIds = handledIds;
            this.effects = effects;
            this.crashAfterEffect = crashAfterEffect;
        }

        @Override
        public void text(IncomingMessage message) {
            deliveries.add(message.uniqueId());
            synchronized (handledIds) {
                if (handledIds.contains(message.uniqueId())) {
                    return;
                }
                effects.add(message.text());
                handledIds.add(message.uniqueId());
            }
            if (crashAfterEffect) {
                throw new IllegalStateException("crashed before the commit");
            }
        }
    }
}
