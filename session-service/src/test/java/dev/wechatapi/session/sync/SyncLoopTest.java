package dev.wechatapi.session.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.session.Backoff;
import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.media.FileSystemMediaStore;
import dev.wechatapi.session.contacts.ContactBook;
import dev.wechatapi.session.media.MediaDownloads;
import dev.wechatapi.session.publishing.EventPublisher;
import dev.wechatapi.wechat.MsgKind;
import dev.wechatapi.wechat.SentMessage;
import dev.wechatapi.wechat.SyncBatch;
import dev.wechatapi.wechat.WeChatContact;
import dev.wechatapi.wechat.WeChatMessage;
import dev.wechatapi.wechat.WeChatSession;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The sync loop's ordering promise, with Kafka's acknowledgement under the test's control (a producer that only
 * acknowledges when told): no {@code sync()} starts before the previous batch is acknowledged.
 */
class SyncLoopTest {

    private static final WeChatContact SELF = contact("@self", "我");
    private static final WeChatContact ALICE = contact("@alice", "Alice");

    private final AtomicInteger acknowledgedRounds = new AtomicInteger();
    private final MockProducer<String, CloudEvent> kafka =
            new MockProducer<>(false, null, new StringSerializer(), new CloudEventSerializer());
    private final FakeWeChatSession weChat = new FakeWeChatSession();
    private final LiveSession live = new LiveSession("app", weChat, ContactBook.of(SELF, List.of(ALICE)),
            Instant.now());
    private Thread loop;

    @TempDir
    Path mediaRoot;

    @AfterEach
    void stop() throws InterruptedException {
        live.end();
        loop.join(Duration.ofSeconds(5));
    }

    @Test
    void theNextSyncWaitsUntilKafkaAcknowledgedThePreviousBatch() throws InterruptedException {
        loop = Thread.ofVirtual().start(syncLoop());

        await().atMost(Duration.ofSeconds(5)).until(() -> kafka.history().size() == 1);
        Thread.sleep(300);
        assertThat(weChat.syncs.get()).isEqualTo(1);
        assertThat(live.lastSync()).isNull();

        kafka.completeNext();

        await().atMost(Duration.ofSeconds(5)).until(() -> weChat.syncs.get() > 1);
        assertThat(live.lastSync()).isNotNull();
    }

    @Test
    void theSyncPositionMayOnlyBeSavedOnceKafkaAcknowledgedTheBatch() throws InterruptedException {
        loop = Thread.ofVirtual().start(syncLoop());

        await().atMost(Duration.ofSeconds(5)).until(() -> kafka.history().size() == 1);
        Thread.sleep(300);
        assertThat(acknowledgedRounds.get()).isZero();

        kafka.completeNext();

        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledgedRounds.get() >= 1);
    }

    @Test
    void aMessageThatCannotBeTurnedIntoAnEventDoesNotStopTheLoop() {
        weChat.firstBatch = new SyncBatch(List.of(message(null), message(MsgKind.TEXT)), List.of(), List.of());
        loop = Thread.ofVirtual().start(syncLoop());

        await().atMost(Duration.ofSeconds(5)).until(() -> kafka.history().size() == 1);
        kafka.completeNext();

        await().atMost(Duration.ofSeconds(5)).until(() -> weChat.syncs.get() > 1);
    }

    private static SessionProperties properties() {
        return new SessionProperties(URI.create("http://unused"), ZoneId.of("UTC"), 6,
                Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(30), new SessionProperties.Send(1, 5, 20, Duration.ofSeconds(60),
                        Duration.ofMinutes(15), DataSize.ofMegabytes(20)), new SessionProperties.Http(10, Duration.ofMinutes(5)),
                new SessionProperties.Media(DataSize.ofMegabytes(50), Duration.ofSeconds(30), 4, 8,
                        Duration.ofMinutes(10)),
                new SessionProperties.Ownership("owners", Duration.ofSeconds(10), Duration.ofSeconds(3),
                        Duration.ofSeconds(25)));
    }

    private SyncLoop syncLoop() {
        SessionProperties properties = properties();
        MessageMedia media = new MessageMedia(new MediaDownloads(new FileSystemMediaStore(mediaRoot), properties),
                properties);
        return new SyncLoop(live, new EventPublisher(new KafkaTemplate<>(() -> kafka), properties), media,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(10)), Clock.systemUTC(), _ -> {},
                acknowledgedRounds::incrementAndGet);
    }

    private static WeChatContact contact(String userName, String nick) {
        return new WeChatContact(userName, nick, "", "", "", 0, "", "", "", userName.hashCode(), 0, "", List.of());
    }

    private static WeChatMessage message(MsgKind kind) {
        return new WeChatMessage("1234567890123456789", 99, kind, 1, 0, 0, "@alice", "@self", null, false, "你好",
                null, null, 0, null, 0, 0, 0, 0, Instant.now(), "你好");
    }

    /** One message in the first batch, then quiet rounds; counts the rounds. */
    private static final class FakeWeChatSession implements WeChatSession {

        final AtomicInteger syncs = new AtomicInteger();
        volatile SyncBatch firstBatch = new SyncBatch(List.of(message(MsgKind.TEXT)), List.of(), List.of());

        @Override
        public WeChatContact self() {
            return SELF;
        }

        @Override
        public List<WeChatContact> contacts() {
            return List.of(ALICE);
        }

        @Override
        public SyncBatch sync() {
            if (syncs.incrementAndGet() == 1) {
                return firstBatch;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SyncBatch.EMPTY;
        }

        @Override
        public SentMessage sendText(String toUserName, String text) {
            throw new UnsupportedOperationException("this session only syncs");
        }

        @Override
        public void logout() {}
    }
}
