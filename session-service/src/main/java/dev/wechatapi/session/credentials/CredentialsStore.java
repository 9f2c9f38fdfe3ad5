package dev.wechatapi.session.credentials;

import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.sync.LiveSession;
import dev.wechatapi.wechat.SessionCredentials;
import dev.wechatapi.wechat.WeChatException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The apps' sessions saved on the compacted topic {@value #TOPIC}, one encrypted record per app id (a tombstone
 * once it logged out), so a restarted service resumes them without a QR scan. Without
 * {@code wechat.session.credentials-key} nothing is saved: credentials never go to Kafka in plain text.
 *
 * <p>A sync round moves the session's position (its SyncKey) and nothing else: such a save waits, so that a busy
 * account is written at most every {@code wechat.session.credentials-save-interval} instead of after every round (it
 * was an eighth of the service's CPU at 1,000 messages/s). Any other change (a login, new cookies or keys) is written
 * at once; the waiting ones are written by a tick, before sessions move to another replica, and at shutdown.
 *
 * <pre>{@code
 * store.save(live);                 // after the login and after every acknowledged sync round
 * store.forget(appId);              // logout, or WeChat ended the session
 * store.savePending();              // before this replica lets sessions go
 * store.readPartitions(owned);      // when this replica comes to own those partitions
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
public class CredentialsStore implements AutoCloseable {

    public static final String TOPIC = "wechat.session.credentials";

    private static final Logger log = LoggerFactory.getLogger(CredentialsStore.class);

    private final Map<String, Object> consumerConfig;
    private final CredentialsCipher cipher;
    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json = JsonMapper.builder().build();
    // The last credentials saved per app and when: an idle round that moved nothing is not written again.
    private final ConcurrentMap<String, Saved> saved = new ConcurrentHashMap<>();
    // Saves that only moved the position, waiting for the next tick.
    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final long saveIntervalNanos;
    private final ScheduledExecutorService ticks;

    public CredentialsStore(KafkaProperties kafkaProperties, CredentialsProperties properties) {
        this.consumerConfig = new HashMap<>(kafkaProperties.buildConsumerProperties());
        consumerConfig.putAll(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        this.saveIntervalNanos = properties.credentialsSaveInterval().toNanos();
        String key = properties.credentialsKey();
        if (key == null || key.isBlank()) {
            log.warn("wechat.session.credentials-key is not set: sessions are NOT saved and every app needs a new "
                    + "QR login after a restart");
            this.cipher = null;
            this.producer = null;
            this.ticks = null;
            return;
        }
        this.cipher = new CredentialsCipher(key);
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.putAll(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                // One producer, in order per app: a tombstone is never overtaken by an older save.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"));
        this.producer = new KafkaProducer<>(config);
        this.ticks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("credentials-saves")
                .factory());
        if (saveIntervalNanos > 0) {
            ticks.scheduleWithFixedDelay(this::savePendingQuietly, saveIntervalNanos, saveIntervalNanos,
                    TimeUnit.NANOSECONDS);
        }
    }

    @Bean
    static NewTopic credentialsTopic(SessionProperties properties) {
        return TopicBuilder.name(TOPIC).partitions(properties.topicPartitions()).compact().build();
    }

    /** Whether sessions are saved and resumed (a key is configured). */
    public boolean enabled() {
        return cipher != null;
    }

    /**
     * Saves the session's current credentials unless it ended (a logout's tombstone must stay the last word) or
     * nothing changed since the last save; a change of position only is written by the next tick. Call it only after
     * the events of every synced batch were acknowledged.
     */
    public void save(LiveSession live) {
        if (!enabled() || live.isEnded()) {
            return;
        }
        SessionCredentials credentials;
        try {
            credentials = live.weChat().credentials();
        } catch (WeChatException e) {
            log.warn("app {}: the session's credentials cannot be read, not saved: {}", live.appId(), e.toString());
            return;
        }
        Saved last = saved.get(live.appId());
        if (last != null && sameAs(last.credentials(), credentials)) {
            pending.remove(live.appId());
            return;
        }
        SavedSession session = new SavedSession(credentials, live.book().self().puid(), live.book().self().name());
        if (last != null && onlyThePositionMoved(last.credentials(), credentials)
                && System.nanoTime() - last.atNanos() < saveIntervalNanos) {
            pending.put(live.appId(), new Pending(live, session));
            return;
        }
        write(live, session);
    }

    /** Writes the saves that were waiting for their tick (of sessions still live). */
    public synchronized void savePending() {
        for (String appId : List.copyOf(pending.keySet())) {
            Pending waiting = pending.remove(appId);
            if (waiting != null) {
                write(waiting.live(), waiting.session());
            }
        }
    }

    private void savePendingQuietly() {
        try {
            savePending();
        } catch (RuntimeException e) {
            log.warn("saving sessions to {} failed: {}", TOPIC, e.toString());
        }
    }

    // Under the lock with forget: a session that ended meanwhile is not written after its tombstone.
    private synchronized void write(LiveSession live, SavedSession session) {
        if (live.isEnded()) {
            return;
        }
        pending.remove(live.appId());
        byte[] sealed = cipher.encrypt(live.appId(), json.writeValueAsBytes(session));
        saved.put(live.appId(), new Saved(session.credentials(), System.nanoTime()));
        send(live.appId(), sealed);
    }

    private static boolean sameAs(SessionCredentials before, SessionCredentials now) {
        return onlyThePositionMoved(before, now) && before.syncKey().equals(now.syncKey())
                && before.syncCheckKey().equals(now.syncCheckKey());
    }

    private static boolean onlyThePositionMoved(SessionCredentials before, SessionCredentials now) {
        return withoutPosition(before).equals(withoutPosition(now));
    }

    // What a round moves without changing what the session is: the sync keys, the expiry of cookies WeChat sends
    // again with every answer (a later expiry of the same cookie: the saved one is still valid meanwhile), and the
    // time the credentials were exported.
    private static SessionCredentials withoutPosition(SessionCredentials c) {
        List<SessionCredentials.Cookie> cookies = c.cookies().stream()
                .map(k -> new SessionCredentials.Cookie(k.name(), k.value(), k.domain(), k.path(), 0, k.secure(),
                        k.httpOnly(), k.hostOnly()))
                .toList();
        return new SessionCredentials(c.driver(), c.uin(), c.sid(), c.skey(), c.passTicket(), c.deviceId(),
                c.mainHost(), c.fileHost(), c.pushHost(), cookies, List.of(), List.of(), c.selfUserName(),
                java.time.Instant.EPOCH);
    }

    /** Leaves nothing to resume for the app: a tombstone. */
    public synchronized void forget(String appId) {
        if (!enabled()) {
            return;
        }
        pending.remove(appId);
        saved.remove(appId);
        send(appId, null);
    }

    private void send(String appId, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, appId, value), (metadata, e) -> {
                if (e != null) {
                    failed(appId, e);
                }
            });
        } catch (RuntimeException e) {
            failed(appId, e);
        }
    }

    // The previous record stays: a restart resumes from an older position and replays, or resumes a session that
    // is gone and then learns it is logged out. Neither loses a message the events already acknowledged.
    private void failed(String appId, Exception e) {
        saved.remove(appId);
        log.warn("app {}: saving the session to {} failed: {}", appId, TOPIC, e.toString());
    }

    /** Partitions of the topic; an app's saved session is on the partition its id hashes to. */
    public int partitionCount() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            return consumer.partitionsFor(TOPIC).size();
        }
    }

    /**
     * Reads the given partitions to their end: the saved session of every app on them that did not log out, by app
     * id. The replica that owns those partitions resumes these.
     */
    public Map<String, SavedSession> readPartitions(Set<Integer> numbers) {
        Map<String, SavedSession> sessions = new LinkedHashMap<>();
        if (!enabled() || numbers.isEmpty()) {
            return sessions;
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = numbers.stream().map(n -> new TopicPartition(TOPIC, n)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read(record, sessions);
                }
            }
        }
        return sessions;
    }

    /** Waits until every save so far is on the topic, so the next owner of these sessions reads the latest. */
    public void flush() {
        if (producer != null) {
            producer.flush();
        }
    }

    private void read(ConsumerRecord<String, byte[]> record, Map<String, SavedSession> sessions) {
        String appId = record.key();
        if (record.value() == null) {
            sessions.remove(appId);
            return;
        }
        try {
            SavedSession session = json.readValue(cipher.decrypt(appId, record.value()), SavedSession.class);
            sessions.put(appId, session);
            saved.put(appId, new Saved(session.credentials(), System.nanoTime()));
        } catch (RuntimeException e) {
            // Another key (rotated) or a damaged record: that app needs a new QR login, the others still resume.
            sessions.remove(appId);
            log.warn("app {}: the saved session cannot be read and is skipped: {}", appId, e.toString());
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            ticks.shutdownNow();
            savePending();
            producer.close(Duration.ofSeconds(5));
        }
    }

    private record Saved(SessionCredentials credentials, long atNanos) {}

    private record Pending(LiveSession live, SavedSession session) {}
}
