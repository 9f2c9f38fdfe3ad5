package dev.wechatapi.session.ownership;

import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.session.credentials.CredentialsStore;
import dev.wechatapi.session.login.AccountSessions;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This replica's membership in the owners' consumer group (see the package documentation): the partitions it owns,
 * the sessions it resumes and releases as they come and go, and the commands it receives for them.
 */
@Component
public class OwnedPartitions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OwnedPartitions.class);

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> consumerConfig;
    private final SessionProperties.Ownership config;
    private final CredentialsStore credentials;
    private final AccountSessions sessions;
    private final CommandExecutor executor;
    private final Clock clock;
    private volatile AppPartitions partitions;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private volatile boolean joined;
    private Thread thread;

    OwnedPartitions(KafkaProperties kafka, SessionProperties properties, CredentialsStore credentials,
            AccountSessions sessions, CommandExecutor executor, Clock clock) {
        this.config = properties.ownership();
        this.credentials = credentials;
        this.sessions = sessions;
        this.executor = executor;
        this.clock = clock;
        consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        consumerConfig.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A new group reads what was sent before it first joined; older commands are dropped by deadline.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(CooperativeStickyAssignor.class.getName()),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Math.toIntExact(config.sessionTimeout().toMillis()),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.toIntExact(config.heartbeatInterval().toMillis())));
    }

    /** Whether this replica owns the app's session now. */
    public boolean owns(String appId) {
        AppPartitions current = partitions;
        return current != null && owned.contains(current.of(appId));
    }

    /** Whether the group has given this replica its first assignment (possibly empty: more replicas than partitions). */
    public boolean joined() {
        return joined;
    }

    /** The partitions this replica owns now, for the health endpoint. */
    public Set<Integer> partitions() {
        return Set.copyOf(owned);
    }

    @Override
    public synchronized void start() {
        KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(consumerConfig);
        int commandPartitions = member.partitionsFor(OwnershipTopics.COMMANDS).size();
        int credentialPartitions = credentials.partitionCount();
        if (credentialPartitions != commandPartitions) {
            member.close();
            throw new IllegalStateException(("%s has %d partitions but %s has %d: the owner of an app's commands "
                    + "must be the reader of its saved session, so both need the same partition count")
                    .formatted(OwnershipTopics.COMMANDS, commandPartitions, CredentialsStore.TOPIC,
                            credentialPartitions));
        }
        partitions = new AppPartitions(commandPartitions);
        member.subscribe(List.of(OwnershipTopics.COMMANDS), new Rebalance());
        consumer = member;
        running = true;
        thread = Thread.ofPlatform().name("session-ownership").start(this::receiveCommands);
    }

    private void receiveCommands() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(500));
                records.forEach(this::receive);
                if (!records.isEmpty()) {
                    // A commit that fails (a rebalance is under way) is retried by the next one or on revocation.
                    consumer.commitAsync((offsets, failure) -> {});
                }
            }
        } catch (WakeupException stopping) {
            // stop() interrupts the poll
        } catch (RuntimeException e) {
            log.error("the ownership consumer failed; this replica releases its sessions", e);
        } finally {
            // Leaving the group revokes every partition: the sessions stop here and resume on the other replicas.
            consumer.close(Duration.ofSeconds(10));
            release(Set.copyOf(owned));
            running = false;
        }
    }

    private void receive(ConsumerRecord<String, byte[]> record) {
        Command command;
        try {
            command = Command.fromRecord(record);
        } catch (RuntimeException unreadable) {
            log.warn("skipping an unreadable command at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        if (!command.isComplete() || !config.groupId().equals(command.group())) {
            return;
        }
        if (command.deadline().isBefore(clock.instant())) {
            log.info("app {}: {} {} waited past its deadline and is dropped", command.appId(), command.method(),
                    command.uri());
            return;
        }
        executor.execute(command);
    }

    /** Keeps the sessions on the replica that owns their partition. Runs on the consumer's thread, inside poll(). */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            Set<Integer> numbers = numbers(assigned);
            owned.addAll(numbers);
            joined = true;
            if (!numbers.isEmpty()) {
                var saved = credentials.readPartitions(numbers);
                log.info("now owning partitions {} of {}: resuming {} saved sessions", numbers,
                        OwnershipTopics.COMMANDS, saved.size());
                sessions.resumeAll(saved);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            release(numbers(revoked));
            if (!revoked.isEmpty()) {
                consumer.commitSync();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            log.warn("partitions {} of {} were lost (this replica was out of touch with Kafka)", numbers(lost),
                    OwnershipTopics.COMMANDS);
            release(numbers(lost));
        }
    }

    // Stops the sessions without logging them out and saves what they saved before the next owner reads it.
    private void release(Set<Integer> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        owned.removeAll(numbers);
        AppPartitions current = partitions;
        // The latest positions first, while the sessions are still live: their next owner replays less.
        credentials.savePending();
        int released = sessions.release(appId -> numbers.contains(current.of(appId)));
        credentials.flush();
        log.info("released partitions {} of {}: {} sessions stopped for their next owner", numbers,
                OwnershipTopics.COMMANDS, released);
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Started before the web server and stopped after it: no request arrives before, or while, sessions move. */
    @Override
    public int getPhase() {
        return OwnershipTopics.LIFECYCLE_PHASE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
