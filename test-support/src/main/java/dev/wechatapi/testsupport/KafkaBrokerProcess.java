package dev.wechatapi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker in its own JVM, as the system runs against in production. Its storage is
 * formatted on first start and kept in {@code dataDirectory}, so a restarted broker keeps its topics.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final JavaProcess process;
    private final int port;

    private KafkaBrokerProcess(JavaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaBrokerProcess start(ProjectLayout layout, int port, Path dataDirectory, Path logDirectory) {
        int controllerPort = Ports.free();
        try {
            Files.createDirectories(dataDirectory);
            Path config = dataDirectory.resolve("server.properties");
            Files.writeString(config, properties(port, controllerPort, dataDirectory.resolve("log")));
            String classpath = layout.kafkaClasspath();
            List<String> jvm = List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.level=WARN");
            if (!Files.exists(dataDirectory.resolve("log/meta.properties"))) {
                JavaProcess format = JavaProcess.start("kafka-format", jvm,
                        List.of("-cp", classpath, "kafka.tools.StorageTool", "format", "-t",
                                Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"),
                        Map.of(), logDirectory);
                awaitExit(format);
            }
            JavaProcess broker = JavaProcess.start("kafka", jvm,
                    List.of("-cp", classpath, "kafka.Kafka", config.toString()), Map.of(), logDirectory);
            Ports.awaitListening(port, Duration.ofSeconds(60), "Kafka broker");
            return new KafkaBrokerProcess(broker, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public JavaProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    private static String properties(int port, int controllerPort, Path logDirectory) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDirectory,
                "num.partitions=6",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "")
                ;
    }

    private static void awaitExit(JavaProcess format) {
        for (int i = 0; i < 600 && format.alive(); i++) {
            Ports.sleep(Duration.ofMillis(100));
        }
        if (format.alive()) {
            format.kill();
            throw new IllegalStateException("formatting Kafka storage did not finish\n" + format.logTail());
        }
    }
}
