package dev.wechatapi.session.ownership;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * The answers to the commands this replica forwarded. Replies are keyed by this replica's id, so it reads the one
 * partition they land on, from the moment it started; each completes the request waiting for it.
 *
 * <pre>{@code
 * CompletableFuture<CommandReply> answer = replies.expect(command.id());   // before sending the command
 * ...
 * replies.forget(command.id());                                          // gave up waiting
 * }</pre>
 */
@Component
class CommandReplies implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandReplies.class);

    private final String replicaId = UUID.randomUUID().toString();
    private final ConcurrentMap<String, CompletableFuture<CommandReply>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Object> consumerConfig;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    CommandReplies(KafkaProperties kafka) {
        consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        consumerConfig.putAll(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }

    /** This replica's id: where owners send the answers to its commands. */
    String replicaId() {
        return replicaId;
    }

    CompletableFuture<CommandReply> expect(String commandId) {
        return waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    }

    void forget(String commandId) {
        waiting.remove(commandId);
    }

    @Override
    public synchronized void start() {
        KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerConfig);
        int partitions = reader.partitionsFor(OwnershipTopics.REPLIES).size();
        TopicPartition mine = new TopicPartition(OwnershipTopics.REPLIES, new AppPartitions(partitions).of(replicaId));
        reader.assign(List.of(mine));
        reader.seekToEnd(List.of(mine));
        // Resolved now: a reply published after start() returns is read, none from before.
        reader.position(mine);
        consumer = reader;
        running = true;
        thread = Thread.ofPlatform().name("command-replies").daemon().start(this::readReplies);
    }

    private void readReplies() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (!replicaId.equals(record.key())) {
                        continue;
                    }
                    CommandReply reply = CommandReply.fromRecord(record);
                    CompletableFuture<CommandReply> request = reply == null ? null : waiting.remove(reply.commandId());
                    if (request != null) {
                        request.complete(reply);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // stop() interrupts the poll
        } catch (RuntimeException e) {
            log.error("reading command replies failed; forwarded requests will time out", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        waiting.values().forEach(request -> request.cancel(false));
        waiting.clear();
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
