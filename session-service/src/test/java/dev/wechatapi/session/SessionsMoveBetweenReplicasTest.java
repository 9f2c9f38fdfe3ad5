package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.session.ownership.AppPartitions;
import dev.wechatapi.session.ownership.OwnedPartitions;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.testsupport.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Two replicas of the service in one owners' group, against one Kafka and one simulator: each app's session runs on
 * exactly one of them, either replica answers for every app (forwarding to the owner), and when a replica joins or
 * stops, the sessions that move are resumed by the other without a QR scan.
 */
class SessionsMoveBetweenReplicasTest {

    private static final int APPS = 8;

    private final SimulatorControl control = SessionServiceTest.SIMULATOR.control();
    private final String group = "replicas-" + UUID.randomUUID();
    private final String key = randomKey();
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private EventLog events;

    @AfterEach
    void stopEverything() {
        started.forEach(ConfigurableApplicationContext::close);
        if (events != null) {
            events.close();
        }
    }

    @Test
    void aSecondReplicaTakesSomeSessionsAndEitherReplicaAnswersForEveryApp() {
        Replica first = start();
        Map<String, String> accounts = loginApps(first);

        Replica second = start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !second.partitions().isEmpty());
        Set<Integer> moved = second.partitions();
        assertThat(first.partitions()).doesNotContainAnyElementsOf(moved).isNotEmpty();

        for (String appId : accounts.keySet()) {
            for (Replica replica : List.of(first, second)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(replica.get(appId, "/status")).containsEntry("state", "logged_in")
                                .containsEntry("alive", true));
            }
        }
        List<String> movedApps = accounts.keySet().stream().filter(app -> moved.contains(partitionOf(app))).toList();
        assertThat(movedApps).as("apps on the partitions that moved").isNotEmpty();
        for (String appId : movedApps) {
            events.await(appId, EventTypes.SESSION_STATE, SessionStateChanged.class,
                    s -> s.state() == SessionState.LOGGED_IN && "resumed".equals(s.reason()));
        }

        // A message to a moved app is received once, by its new owner, and a send through the replica that no
        // longer owns it goes out through the one that does.
        String appId = movedApps.getFirst();
        String msgId = control.sendText(accounts.get(appId), "张伟 🐼", "换了节点还在吗？");
        events.await(appId, EventTypes.MESSAGE_RECEIVED, MessageEvent.class,
                m -> m.msgId() == Long.parseLong(msgId));
        String zhangWei = puidOf(appId, "张伟 🐼");
        first.client.post().uri("/send-message").header("X-Wechat-App-Id", appId)
                .bodyValue(Map.of("type", "text", "puid", zhangWei, "text", "在的 ✅")).exchange().expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(10)).until(() -> control.sent(accounts.get(appId)).toString(),
                sent -> sent.contains("在的 ✅"));
        long received = events.all(appId).stream().filter(e -> e.getType().equals(EventTypes.MESSAGE_RECEIVED))
                .filter(e -> e.getId().endsWith(":" + msgId)).count();
        assertThat(received).as("the message was received by one replica only").isEqualTo(1);
    }

    @Test
    void anUploadSentThroughAReplicaThatDoesNotOwnTheAppArrivesWhole() {
        Replica first = start();
        Map<String, String> accounts = loginApps(first);
        Replica second = start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !second.partitions().isEmpty());
        String appId = accounts.keySet().stream().filter(app -> second.partitions().contains(partitionOf(app)))
                .findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(second.get(appId, "/status")).containsEntry("alive", true));
        byte[] file = new byte[300 * 1024];
        ThreadLocalRandom.current().nextBytes(file);

        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("type", "file");
        form.part("puid", puidOf(appId, "李娜"));
        form.part("file", file).filename("年度总结.bin").contentType(MediaType.APPLICATION_OCTET_STREAM);
        first.client.post().uri("/send-message").header("X-Wechat-App-Id", appId)
                .body(BodyInserters.fromMultipartData(form.build())).exchange().expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(10)).until(() -> control.sent(accounts.get(appId)).toString(),
                sent -> sent.contains("年度总结.bin"));
    }

    @Test
    void whenAReplicaStopsTheOtherResumesItsSessionsWithoutAScan() {
        Replica first = start();
        Map<String, String> accounts = loginApps(first);
        Replica second = start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !second.partitions().isEmpty());
        List<String> onSecond = accounts.keySet().stream()
                .filter(app -> second.partitions().contains(partitionOf(app))).toList();
        for (String appId : onSecond) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(second.get(appId, "/status")).containsEntry("alive", true));
        }
        int qrCodesBefore = control.qrCodes().size();

        second.stop();

        await().atMost(Duration.ofSeconds(30)).until(() -> first.partitions().size() == 6);
        for (String appId : onSecond) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(first.get(appId, "/status")).containsEntry("alive", true));
            String msgId = control.sendText(accounts.get(appId), "李娜", "回到第一个节点了吗？");
            events.await(appId, EventTypes.MESSAGE_RECEIVED, MessageEvent.class,
                    m -> m.msgId() == Long.parseLong(msgId));
        }
        assertThat(control.qrCodes().size()).as("no new QR code").isEqualTo(qrCodesBefore);
    }

    /** Logs in {@value #APPS} apps through the replica; app id → simulated account id. */
    private Map<String, String> loginApps(Replica replica) {
        Map<String, String> accounts = new LinkedHashMap<>();
        for (int i = 0; i < APPS; i++) {
            String appId = SessionServiceTest.newAppId();
            String accountId = control.createAccount(SessionServiceTest.ACCOUNT).get("accountId").asString();
            String uuid = (String) replica.get(appId, "/login").get("uuid");
            control.scanAndConfirm(uuid, accountId);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> replica.get(appId, "/check-login?uuid=" + uuid).get("status"), "200"::equals);
            accounts.put(appId, accountId);
        }
        for (String appId : accounts.keySet()) {
            // Saved before the replica reports the login: nothing to wait for but the save's acknowledgement.
            events.await(appId, EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class, s -> true);
        }
        return accounts;
    }

    private String puidOf(String appId, String nickName) {
        return events.await(appId, EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class, s -> true).contacts().stream()
                .filter(c -> nickName.equals(c.nickName())).findFirst().orElseThrow().puid();
    }

    private static int partitionOf(String appId) {
        return new AppPartitions(6).of(appId);
    }

    private Replica start() {
        // Arguments, not default properties: they must win over application.yml's port.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SessionApplication.class,
                OwnNettyResources.class)
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--wechat.session.wechat-base-url=" + SessionServiceTest.SIMULATOR.baseUrl(),
                        "--wechat.session.retry-backoff-initial=200ms", "--wechat.session.retry-backoff-max=2s",
                        "--wechat.media.root=target/test-media",
                        "--wechat.session.credentials-key=" + key,
                        "--wechat.session.ownership.group-id=" + group,
                        "--wechat.session.ownership.session-timeout=6s",
                        "--wechat.session.ownership.heartbeat-interval=1s");
        started.add(context);
        if (events == null) {
            // After the first replica declared the topics.
            events = new EventLog(TestKafka.bootstrapServers());
        }
        return new Replica(context);
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Each replica its own Netty event loops: by default every server in the JVM shares the global ones, and the
     * first replica to stop would take the other's server down with it. Separate processes have no such problem.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    /** One running replica and a client for it. */
    private static final class Replica {

        private final ConfigurableApplicationContext context;
        private final WebTestClient client;

        Replica(ConfigurableApplicationContext context) {
            this.context = context;
            this.client = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(30)).build();
        }

        Set<Integer> partitions() {
            return context.getBean(OwnedPartitions.class).partitions();
        }

        Map<String, Object> get(String appId, String path) {
            return client.get().uri(path).header("X-Wechat-App-Id", appId).exchange()
                    .expectStatus().isOk()
                    .expectBody(SessionServiceTest.JSON).returnResult().getResponseBody();
        }

        void stop() {
            context.close();
        }
    }
}
