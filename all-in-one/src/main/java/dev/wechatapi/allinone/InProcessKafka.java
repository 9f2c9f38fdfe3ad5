package dev.wechatapi.allinone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker in this JVM. Its log is kept in {@code directory} (formatted on the first start), with
 * the ports it listened on, so a restarted all-in-one finds its topics, offsets and saved sessions again.
 */
final class InProcessKafka implements AutoCloseable {

  private static final int USUAL_PORT = 9092;

  private final KafkaRaftServer server;
  private final int port;

  private InProcessKafka(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static InProcessKafka start(Path directory) {
    try {
      Files.createDirectories(directory);
      Path config = directory.resolve("server.properties");
      Properties properties = Files.exists(config) ? reusable(config) : fresh(config, directory.resolve("log"));
      Path log = Path.of(properties.getProperty("log.dirs"));
      if (!Files.exists(log.resolve("meta.properties"))) {
        format(config);
      }
      Properties broker = new Properties();
      properties.stringPropertyNames().stream().filter(name -> !name.startsWith("wechat."))
          .forEach(name -> broker.setProperty(name, properties.getProperty(name)));
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(broker, false), Time.SYSTEM);
      server.startup();
      return new InProcessKafka(server, Integer.parseInt(properties.getProperty("wechat.port")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  // The ports of the last run, if both are still free; otherwise the log is kept and new ports are chosen.
  private static Properties reusable(Path config) throws IOException {
    Properties last = new Properties();
    try (var in = Files.newBufferedReader(config)) {
      last.load(in);
    }
    String port = last.getProperty("wechat.port");
    String controller = last.getProperty("wechat.controller-port");
    if (port == null || controller == null || !FreePorts.isFree(Integer.parseInt(port))
        || !FreePorts.isFree(Integer.parseInt(controller))) {
      return fresh(config, Path.of(last.getProperty("log.dirs")));
    }
    return last;
  }

  // Kafka's usual port when it is free, so that handlers (handler-sdk) find the broker where they look by default.
  private static Properties fresh(Path config, Path log) throws IOException {
    int port = FreePorts.isFree(USUAL_PORT) ? USUAL_PORT : FreePorts.next();
    Properties properties = properties(port, FreePorts.next(), log);
    try (var out = Files.newBufferedWriter(config)) {
      properties.store(out, "written by the all-in-one mode; delete the folder to start from nothing");
    }
    return properties;
  }

  private static Properties properties(int port, int controllerPort, Path log) {
    Properties p = new Properties();
    p.setProperty("wechat.port", String.valueOf(port));
    p.setProperty("wechat.controller-port", String.valueOf(controllerPort));
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", log.toAbsolutePath().toString());
    p.setProperty("num.partitions", "6");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "6");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    return p;
  }

  private static void format(Path config) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
          config.toString(), "--ignore-formatted"}, out);
    }
    if (exit != 0) {
      throw new IllegalStateException("formatting Kafka's log failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }
}
