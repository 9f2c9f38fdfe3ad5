package dev.wechatapi.session.bench;

import dev.wechatapi.session.SessionApplication;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.testsupport.JavaProcess;
import dev.wechatapi.testsupport.KafkaBrokerProcess;
import dev.wechatapi.testsupport.Ports;
import dev.wechatapi.testsupport.ProjectLayout;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the density benchmark runs against: a Kafka broker and the WeChat simulator, each its own process (so
 * their memory does not count), and the session service's Spring context in this JVM, the replica under test.
 */
final class BenchmarkStack implements AutoCloseable {

    private final KafkaBrokerProcess kafka;
    private final JavaProcess simulator;
    private final String simulatorUrl;
    private final ConfigurableApplicationContext service;

    private BenchmarkStack(KafkaBrokerProcess kafka, JavaProcess simulator, String simulatorUrl,
            ConfigurableApplicationContext service) {
        this.kafka = kafka;
        this.simulator = simulator;
        this.simulatorUrl = simulatorUrl;
        this.service = service;
    }

    /**
     * @param workDirectory Kafka's data and every process's log
     * @param syncCheckHold how long the simulator holds an idle long poll (WeChat: 25 s)
     * @param simulatorHeap -Xmx of the simulator process
     * @param serviceArguments more {@code --name=value} settings of the session service
     */
    static BenchmarkStack start(Path workDirectory, Duration syncCheckHold, String simulatorHeap,
            List<String> serviceArguments) {
        Path logs = workDirectory.resolve("logs");
        KafkaBrokerProcess kafka = KafkaBrokerProcess.start(ProjectLayout.locate(), Ports.free(),
                workDirectory.resolve("kafka"), logs);
        JavaProcess simulator = null;
        try {
            int port = Ports.free();
            simulator = JavaProcess.start("simulator",
                    // The JDK server closes connections beyond 200 idle ones; every session keeps one between polls.
                    List.of("-Xmx" + simulatorHeap, "-Dsun.net.httpserver.maxIdleConnections=30000"),
                    List.of("-cp", System.getProperty("java.class.path"), "dev.wechatapi.simulator.SimulatorMain",
                            "--port", Integer.toString(port), "--host", "127.0.0.1",
                            "--sync-check-hold", syncCheckHold.toMillis() + "ms", "--qr-lifetime", "30m"),
                    Map.of(), logs);
            String url = "http://127.0.0.1:" + port;
            simulator.awaitHttpOk(url + "/control/health", Duration.ofSeconds(60));
            // Command-line arguments, so they win over application.yml as they would in production.
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--wechat.session.wechat-base-url=" + url,
                    "--logging.level.dev.wechatapi=WARN",
                    "--logging.level.org.apache.kafka=WARN"));
            arguments.addAll(serviceArguments);
            ConfigurableApplicationContext service = new SpringApplicationBuilder(SessionApplication.class)
                    .run(arguments.toArray(String[]::new));
            return new BenchmarkStack(kafka, simulator, url, service);
        } catch (RuntimeException e) {
            if (simulator != null) {
                simulator.close();
            }
            kafka.close();
            throw e;
        }
    }

    ConfigurableApplicationContext service() {
        return service;
    }

    SimulatorControl control() {
        return new SimulatorControl(URI.create(simulatorUrl));
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    JavaProcess simulator() {
        return simulator;
    }

    /** Kills the children at once: a benchmark that overran its deadline must not leave them behind. */
    void kill() {
        simulator.kill();
        kafka.process().kill();
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            simulator.close();
            kafka.close();
        }
    }
}
