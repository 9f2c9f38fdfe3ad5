package dev.wechatapi.handlers.internal;

import dev.wechatapi.events.Direction;
import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.WeChatEvents;
import dev.wechatapi.handlers.IncomingMessage;
import dev.wechatapi.handlers.TextSender;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume loop: polls the message topic, hands each message of interest to the {@link Dispatcher}, and
 * commits a record's offset only once every handler is finished with it. Records are processed one after the
 * other in partition order. When stopping, the loop commits what it finished and leaves the rest (including a
 * message whose retries were cut short) to be delivered again.
 */
public final class MessageStream {

    private static final Logger log = LoggerFactory.getLogger(MessageStream.class);
    private static final Duration POLL = Duration.ofMillis(250);

    /**
     * Which records the handlers see, and how long one batch may take before the rest of it waits for the next
     * poll (well under {@code max.poll.interval.ms}, so that the group keeps this consumer).
     */
    public record Selection(String topic, String appId, boolean includeSent, Duration batchBudget) {}

    private final Supplier<Consumer<String, CloudEvent>> consumers;
    private Consumer<String, CloudEvent> consumer;
    private final Selection selection;
    private final Dispatcher dispatcher;
    private final GatewayClient gateway;
    private final URI gatewayUrl;
    private final StopSignal stop;
    private final CountDownLatch joined = new CountDownLatch(1);
    private final Map<TopicPartition, OffsetAndMetadata> finished = new HashMap<>();
    private volatile Set<TopicPartition> assigned = Set.of();

    /**
     * @param gateway sends replies for its app; null when no gateway is configured
     */
    public MessageStream(Supplier<Consumer<String, CloudEvent>> consumers, Selection selection, Dispatcher dispatcher,
            GatewayClient gateway, URI gatewayUrl, StopSignal stop) {
        this.consumers = consumers;
        this.selection = selection;
        this.dispatcher = dispatcher;
        this.gateway = gateway;
        this.gatewayUrl = gatewayUrl;
        this.stop = stop;
    }

    /** Counted down once the consumer has joined its group and knows where to read its partitions from. */
    public CountDownLatch joined() {
        return joined;
    }

    /** The partitions this consumer reads now. */
    public Set<TopicPartition> assigned() {
        return assigned;
    }

    /** Creates the consumer and runs on the calling thread until the stop signal is raised; closes the consumer. */
    public void run() {
        try (Consumer<String, CloudEvent> created = consumers.get()) {
            consumer = created;
            consumer.subscribe(List.of(selection.topic()), new Rebalance());
            while (!stop.raised()) {
                processBatch();
            }
            commitFinished();
        }
    }

    private void processBatch() {
        ConsumerRecords<String, CloudEvent> records;
        try {
            records = consumer.poll(POLL);
        } catch (RecordDeserializationException e) {
            // Not a CloudEvent at all: nobody can ever read it, so it is skipped rather than retried forever.
            log.warn("skipping unreadable record at {} offset {}: {}", e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
            finished.put(e.topicPartition(), new OffsetAndMetadata(e.offset() + 1));
            return;
        }
        long deadline = System.nanoTime() + selection.batchBudget().toNanos();
        Set<TopicPartition> postponed = new HashSet<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (postponed.contains(partition)) {
                continue;
            }
            if (stop.raised()) {
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                // Slow handlers: poll again before Kafka thinks this consumer hung, and read the rest afterwards.
                consumer.seek(partition, record.offset());
                postponed.add(partition);
                continue;
            }
            if (process(record) == Dispatcher.Outcome.ABANDONED) {
                break;
            }
            finished.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        commitFinished();
    }

    private Dispatcher.Outcome process(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null || !isMessage(event.getType())) {
            return Dispatcher.Outcome.FINISHED;
        }
        if (!selection.includeSent() && EventTypes.MESSAGE_SENT.equals(event.getType())) {
            return Dispatcher.Outcome.FINISHED;
        }
        String appId = WeChatEvents.appId(event);
        if (selection.appId() != null && !selection.appId().equals(appId != null ? appId : record.key())) {
            return Dispatcher.Outcome.FINISHED;
        }
        MessageEvent message;
        try {
            message = WeChatEvents.payload(event, MessageEvent.class);
        } catch (WeChatEvents.UnknownEventException e) {
            log.warn("skipping event {} at {}-{} offset {}: {}", event.getId(), record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Dispatcher.Outcome.FINISHED;
        }
        if (message.direction() == null) {
            message = withDirection(message, event.getType());
        }
        return dispatcher.deliver(new IncomingMessage(message, repliesFor(message.appId()), gatewayUrl));
    }

    private TextSender repliesFor(String appId) {
        if (gateway != null && gateway.appId().equals(appId)) {
            return gateway;
        }
        return (puid, text) -> {
            String credentials = gateway == null ? "for no app" : "for app " + gateway.appId();
            throw new IllegalStateException("cannot reply to a message of app " + appId
                    + ": the runner has gateway credentials " + credentials);
        };
    }

    private void commitFinished() {
        if (finished.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(Map.copyOf(finished));
        } catch (CommitFailedException e) {
            // The partitions went to another copy meanwhile: it reads from the last commit, so it sees these again.
            log.warn("could not commit, these records will be delivered again: {}", e.getMessage());
        } catch (KafkaException e) {
            log.warn("commit failed, these records may be delivered again: {}", e.toString());
        }
        finished.clear();
    }

    private static boolean isMessage(String type) {
        return EventTypes.MESSAGE_RECEIVED.equals(type) || EventTypes.MESSAGE_SENT.equals(type);
    }

    // The event type carries the direction too; a payload without one is read the way its type says.
    private static MessageEvent withDirection(MessageEvent m, String type) {
        Direction direction = EventTypes.MESSAGE_SENT.equals(type) ? Direction.SENT : Direction.RECEIVED;
        return new MessageEvent(m.appId(), m.msgId(), direction, m.type(), m.rawMsgType(), m.sender(), m.receiver(),
                m.member(), m.memberName(), m.isAt(), m.content(), m.createTime(), m.receiveTime());
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // A partition this group never committed starts where auto.offset.reset says ("latest": the end).
            // That start is resolved and committed at once: a message published after joined() counts down is
            // then never skipped, neither by a later reset nor by the next owner after a rebalance.
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long position = consumer.position(partition);
                if (committed.get(partition) == null) {
                    starts.put(partition, new OffsetAndMetadata(position));
                }
            }
            if (!starts.isEmpty()) {
                consumer.commitSync(starts);
            }
            Set<TopicPartition> now = new HashSet<>(assigned);
            now.addAll(partitions);
            assigned = Set.copyOf(now);
            log.info("reading {}", assigned);
            joined.countDown();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitFinished();
            Set<TopicPartition> now = new HashSet<>(assigned);
            now.removeAll(partitions);
            assigned = Set.copyOf(now);
        }
    }
}
