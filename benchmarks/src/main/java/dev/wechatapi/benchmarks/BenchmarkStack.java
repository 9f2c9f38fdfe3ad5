package dev.wechatapi.benchmarks;

import dev.wechatapi.archive.ArchiveApplication;
import dev.wechatapi.testsupport.Database;
import dev.wechatapi.testsupport.KafkaBrokerProcess;
import dev.wechatapi.testsupport.Ports;
import dev.wechatapi.testsupport.ProjectLayout;
import dev.wechatapi.testsupport.TestMariaDb;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * What a benchmark runs against: a Kafka broker in its own JVM (test-support's {@link KafkaBrokerProcess}), a fresh
 * database on the local MariaDB (dropped when the JVM exits), and the archive service started in this JVM, so a
 * benchmark can start its consumers at a chosen moment.
 *
 * <pre>{@code
 * try (BenchmarkStack stack = BenchmarkStack.start("ingest")) {
 *     stack.startArchive(false);
 *     stack.startListener("archive-messages");
 * }
 * }</pre>
 */
final class BenchmarkStack implements AutoCloseable {

    private final Path work;
    private final KafkaBrokerProcess kafka;
    private final Database database;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ConfigurableApplicationContext archive;
    private int port;

    private BenchmarkStack(Path work, KafkaBrokerProcess kafka, Database database) {
        this.work = work;
        this.kafka = kafka;
        this.database = database;
    }

    static BenchmarkStack start(String name) {
        try {
            Path work = Files.createTempDirectory("wechat-api-bench-" + name + "-");
            KafkaBrokerProcess kafka = KafkaBrokerProcess.start(
                    ProjectLayout.locate(), Ports.free(), work.resolve("kafka"), work.resolve("logs"));
            return new BenchmarkStack(work, kafka, TestMariaDb.newDatabase("bench_" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the archive service; its Kafka consumers only when {@code listening}, else see {@link #startListener}.
     * {@code settings} are more command-line arguments, such as {@code --wechat.archive.read-cache-size=0}.
     */
    void startArchive(boolean listening, String... settings) {
        SpringApplication application = new SpringApplication(ArchiveApplication.class);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.username(),
                "--spring.r2dbc.password=" + database.password(),
                "--spring.flyway.url=" + database.jdbcUrl(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.listener.auto-startup=" + listening));
        args.addAll(List.of(settings));
        archive = application.run(args.toArray(String[]::new));
        port = archive.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    void startListener(String id) {
        archive.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(id).start();
    }

    /** The fresh database of this run (dropped when the JVM exits). */
    Database database() {
        return database;
    }

    /** This run's temporary directory (deleted on close). */
    Path work() {
        return work;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Creates a topic before the archive declares it, e.g. with a larger {@code max.message.bytes}. */
    void createTopic(String name, int partitions, Map<String, String> config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(config))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name, e);
        }
    }

    /** A producer configured like the session service's (idempotent, acks=all), plus {@code extra}. */
    KafkaProducer<String, CloudEvent> producer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    long count(String sql) throws SQLException {
        try (Connection connection = jdbc(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A GET as the gateway forwards it: the app in {@code X-Wechat-App-Id}. */
    HttpResponse<String> get(String appId, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("X-Wechat-App-Id", appId)
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String newAppId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Facts about the database server, for the results file. */
    List<String> databaseFacts() throws SQLException {
        List<String> facts = new ArrayList<>();
        try (Connection connection = jdbc(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT VERSION(), @@innodb_buffer_pool_size,"
                        + " @@innodb_flush_log_at_trx_commit")) {
            rows.next();
            facts.add("database: MariaDB/MySQL " + rows.getString(1) + " on 127.0.0.1:3306, innodb_buffer_pool_size "
                    + rows.getLong(2) / (1024 * 1024) + " MiB, innodb_flush_log_at_trx_commit "
                    + rows.getInt(3));
        }
        return facts;
    }

    @Override
    public void close() {
        if (archive != null) {
            archive.close();
        }
        kafka.close();
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
