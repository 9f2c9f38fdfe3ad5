package dev.wechatapi.handlers;

import dev.wechatapi.events.Topics;
import dev.wechatapi.handlers.internal.Dispatcher;
import dev.wechatapi.handlers.internal.GatewayClient;
import dev.wechatapi.handlers.internal.MessageStream;
import dev.wechatapi.handlers.internal.RetryPolicy;
import dev.wechatapi.handlers.internal.StopSignal;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs message handlers against the {@code wechat.messages} topic as one member of a Kafka consumer group: run
 * more copies with the same group id to share the work. Delivery is at least once: a message's offset is
 * committed only after every handler finished with it, so after a crash or restart a message may come again,
 * but none is lost.
 *
 * <pre>{@code
 * try (HandlerRunner runner = HandlerRunner.builder()
 *         .bootstrapServers("localhost:9092").groupId("my-bot").appId(appId)
 *         .gateway(URI.create("http://localhost:8080"), appId, appSecret)
 *         .handler(new MyHandler())
 *         .build()) {
 *     runner.run(); // until close() is called from another thread, e.g. a shutdown hook
 * }
 * }</pre>
 */
public final class HandlerRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HandlerRunner.class);

    private final MessageStream stream;
    private final Dispatcher dispatcher;
    private final StopSignal stop;
    private final Duration shutdownTimeout;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Thread thread;

    private HandlerRunner(MessageStream stream, Dispatcher dispatcher, StopSignal stop, Duration shutdownTimeout) {
        this.stream = stream;
        this.dispatcher = dispatcher;
        this.stop = stop;
        this.shutdownTimeout = shutdownTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Consumes and dispatches on the calling thread until {@link #close()}; then commits and closes the consumer. */
    public void run() {
        claim(Thread.currentThread());
        execute();
    }

    /** Runs on a new thread named {@code handler-runner}; returns at once. */
    public HandlerRunner start() {
        Thread runner = Thread.ofPlatform().name("handler-runner").unstarted(this::execute);
        claim(runner);
        runner.start();
        return this;
    }

    private synchronized void claim(Thread runner) {
        if (thread != null) {
            throw new IllegalStateException("a runner runs once: this one ran or was closed already");
        }
        thread = runner;
    }

    private void execute() {
        try {
            stream.run();
        } catch (RuntimeException e) {
            log.error("handler runner stopped by an error", e);
            throw e;
        } finally {
            dispatcher.close();
            ended.countDown();
        }
    }

    /**
     * Waits until the runner has joined its consumer group and knows where it reads from: a message published
     * after this returns reaches the handlers even with the default "latest" start position of a new group.
     */
    public boolean awaitJoined(Duration timeout) throws InterruptedException {
        return stream.joined().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The partitions this copy reads now; the copies of one group divide the topic's partitions among them. */
    public Set<TopicPartition> partitions() {
        return stream.assigned();
    }

    /**
     * Stops: handlers finish the message they are on (a message waiting for a retry is left for later), finished
     * messages are committed, the consumer leaves its group. Waits up to the shutdown timeout for that.
     */
    @Override
    public void close() {
        stop.raise();
        synchronized (this) {
            if (thread == null) {
                // Never ran, and never will: no consumer was created, so there is nothing to wait for.
                thread = Thread.currentThread();
                dispatcher.close();
                ended.countDown();
                return;
            }
        }
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            ended.await(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures a {@link HandlerRunner}; bootstrap servers, group id and at least one handler are required. */
    public static final class Builder {

        private String bootstrapServers;
        private String groupId;
        private String appId;
        private String topic = Topics.MESSAGES;
        private URI gatewayUrl;
        private String gatewayAppId;
        private String gatewaySecret;
        private final List<MessageHandler> handlers = new ArrayList<>();
        private boolean includeSent;
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private FailureListener failures = failure -> {};
        private Duration shutdownTimeout = Duration.ofSeconds(30);
        private final Map<String, Object> consumerProperties = new HashMap<>();

        private Builder() {}

        /** Kafka's {@code bootstrap.servers}, e.g. {@code localhost:9092}. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /** The consumer group: copies with the same group share the messages; another group sees all of them. */
        public Builder groupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        /** Only messages of this app reach the handlers; without it, messages of every app do. */
        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        /** The topic to read; {@code wechat.messages} unless the events are mirrored under another name. */
        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        /** Where {@link IncomingMessage#reply} sends, as which app: messages of this app can be replied to. */
        public Builder gateway(URI url, String appId, String appSecret) {
            this.gatewayUrl = Objects.requireNonNull(url, "url");
            this.gatewayAppId = Objects.requireNonNull(appId, "appId");
            this.gatewaySecret = Objects.requireNonNull(appSecret, "appSecret");
            return this;
        }

        /** Adds a handler; every handler receives every message. */
        public Builder handler(MessageHandler handler) {
            handlers.add(Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** Also deliver the messages the account sent (default: only received ones, so a bot never answers itself). */
        public Builder includeSentMessages(boolean includeSent) {
            this.includeSent = includeSent;
            return this;
        }

        /** How often a handler gets a message it threw on, first attempt included (default 5). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The pause before the first retry, doubling up to {@code max} (default 500 ms up to 30 s). */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** Told about every message a handler gave up on (after it is logged). */
        public Builder onFailure(FailureListener failures) {
            this.failures = Objects.requireNonNull(failures, "failures");
            return this;
        }

        /** How long {@link HandlerRunner#close()} waits for the current message to finish (default 30 s). */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /**
         * Any other Kafka consumer setting (security, {@code client.id}, ...). {@code auto.offset.reset} decides
         * where a new group starts: {@code latest} (default, only new messages) or {@code earliest}. The runner's
         * own settings (deserializers, manual commits) cannot be overridden.
         */
        public Builder consumerProperty(String name, Object value) {
            consumerProperties.put(name, value);
            return this;
        }

        public HandlerRunner build() {
            requireText(bootstrapServers, "bootstrapServers");
            requireText(groupId, "groupId");
            requireText(topic, "topic");
            if (handlers.isEmpty()) {
                throw new IllegalStateException("a runner needs at least one handler");
            }
            StopSignal stop = new StopSignal();
            RetryPolicy retries = new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
            Dispatcher dispatcher = new Dispatcher(handlers, retries, failures, stop);
            GatewayClient gateway = gatewayUrl == null ? null
                    : new GatewayClient(gatewayUrl, gatewayAppId, gatewaySecret, Clock.systemUTC());
            Duration maxPollInterval = maxPollInterval(retries);
            Map<String, Object> config = consumerConfig();
            config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                    (int) Math.min(Integer.MAX_VALUE, maxPollInterval.toMillis()));
            MessageStream stream = new MessageStream(() -> new KafkaConsumer<>(config),
                    new MessageStream.Selection(topic, appId, includeSent, maxPollInterval.dividedBy(2)),
                    dispatcher, gateway, gatewayUrl, stop);
            return new HandlerRunner(stream, dispatcher, stop, shutdownTimeout);
        }

        // One message may wait through all its retries between two polls: the group must not take that for a
        // hung consumer, so the interval covers twice that on top of a minute of handler time.
        private Duration maxPollInterval(RetryPolicy retries) {
            Object configured = consumerProperties.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
            Duration interval = Duration.ofMillis(configured == null ? 300_000 : Long.parseLong(configured.toString()));
            Duration needed = retries.totalBackoff().multipliedBy(2).plusMinutes(1);
            return interval.compareTo(needed) >= 0 ? interval : needed;
        }

        private Map<String, Object> consumerConfig() {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
            config.putAll(consumerProperties);
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
            return config;
        }

        private static void requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(name + " is required");
            }
        }
    }
}
