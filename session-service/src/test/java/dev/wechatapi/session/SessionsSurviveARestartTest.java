package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.SessionState;
import dev.wechatapi.events.SessionStateChanged;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Script, run, verify across a restart: an app logs in through one service instance, that instance stops, a second
 * one starts against the same Kafka, simulator and key, and the app must carry on without a QR scan.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionsSurviveARestartTest {

    private static final String TOPIC = "wechat.session.credentials";
    private static final byte[] KEY = new byte[32];

    static {
        ThreadLocalRandom.current().nextBytes(KEY);
    }

    private final SimulatorControl control = SessionServiceTest.SIMULATOR.control();
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private EventLog events;

    @BeforeEach
    void connect() {
        events = new EventLog(TestKafka.bootstrapServers());
    }

    @AfterEach
    void stopEverything() {
        started.forEach(ConfigurableApplicationContext::close);
        events.close();
    }

    @Test
    void aLoggedInAppIsAliveAfterARestartWithoutAQrScanAndKeepsItsPuids() {
        Service first = start(true);
        String appId = SessionServiceTest.newAppId();
        String accountId = control.createAccount(SessionServiceTest.ACCOUNT).get("accountId").asString();
        String uuid = first.login(appId, accountId);
        ContactsSnapshot before = events.await(appId, EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class, s -> true);
        first.stop();

        Service second = start(true);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> second.get(appId, "/status").get("alive"), Boolean.TRUE::equals);
        assertThat(second.get(appId, "/status")).containsEntry("state", "logged_in")
                .containsEntry("account", Map.of("puid", before.self().puid(), "name", "测试号 😀"));
        assertThat(second.get(appId, "/check-login?uuid=" + uuid)).containsEntry("status", "200")
                .containsEntry("alive", true);
        SessionStateChanged resumed = events.await(appId, EventTypes.SESSION_STATE, SessionStateChanged.class,
                s -> "resumed".equals(s.reason()));
        assertThat(resumed.state()).isEqualTo(SessionState.LOGGED_IN);
        assertThat(resumed.accountPuid()).isEqualTo(before.self().puid());
        ContactsSnapshot after = events.await(appId, EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class,
                s -> s.takenAt().isAfter(before.takenAt()));
        assertThat(after.contacts()).extracting(Contact::puid)
                .containsExactlyInAnyOrderElementsOf(before.contacts().stream().map(Contact::puid).toList());

        String msgId = control.sendText(accountId, "张伟 🐼", "重启以后还在吗？");
        MessageEvent received = events.await(appId, EventTypes.MESSAGE_RECEIVED, MessageEvent.class,
                m -> m.msgId() == Long.parseLong(msgId));
        assertThat(received.sender().puid()).isEqualTo(puidOf(before, "张伟 🐼"));
        assertThat(received.content().text()).isEqualTo("重启以后还在吗？");
    }

    @Test
    void savedCredentialsCannotBeReadWithoutTheKey() throws Exception {
        Service service = start(true);
        String appId = SessionServiceTest.newAppId();
        service.login(appId, control.createAccount(SessionServiceTest.ACCOUNT).get("accountId").asString());

        List<byte[]> saved = await().atMost(Duration.ofSeconds(10)).until(() -> credentialRecords(appId),
                records -> !records.isEmpty() && records.getLast() != null);
        byte[] sealed = saved.getLast();
        JsonNode credentials = JsonMapper.builder().build().readTree(open(appId, sealed)).get("credentials");
        for (String secret : List.of(credentials.get("sid").asString(), credentials.get("skey").asString(),
                credentials.get("passTicket").asString())) {
            assertThat(secret).isNotBlank();
            assertThat(contains(sealed, secret.getBytes(StandardCharsets.UTF_8))).as("plain secret on the topic")
                    .isFalse();
        }
    }

    @Test
    void aBusyAccountIsSavedAtMostOncePerIntervalAndItsLatestPositionWhenTheServiceStops() throws Exception {
        Service first = start(true);
        // Reads the topics as they are now that the service declared them (this test may run first).
        events.close();
        events = new EventLog(TestKafka.bootstrapServers());
        String appId = SessionServiceTest.newAppId();
        String accountId = control.createAccount(SessionServiceTest.ACCOUNT).get("accountId").asString();
        first.login(appId, accountId);
        List<byte[]> afterLogin = await().atMost(Duration.ofSeconds(10)).until(() -> credentialRecords(appId),
                records -> !records.isEmpty());

        // Every message is a sync round that moves the position; the default interval is 5 s.
        String last = null;
        for (int i = 0; i < 20; i++) {
            last = control.sendText(accountId, "张伟 🐼", "第 " + i + " 条");
            Thread.sleep(75);
        }
        long lastId = Long.parseLong(last);
        events.await(appId, EventTypes.MESSAGE_RECEIVED, MessageEvent.class, m -> m.msgId() == lastId);
        List<byte[]> duringTheBurst = credentialRecords(appId);
        first.stop();
        List<byte[]> afterStop = credentialRecords(appId);

        assertThat(duringTheBurst.size() - afterLogin.size()).as("records written while 20 rounds moved the position")
                .isLessThanOrEqualTo(1);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode saved = json.readTree(open(appId, afterStop.getLast())).get("credentials");
        JsonNode atLogin = json.readTree(open(appId, afterLogin.getLast())).get("credentials");
        assertThat(saved.get("syncKey")).as("the latest position is written when the service stops")
                .isNotEqualTo(atLogin.get("syncKey"));
        assertThat(saved.get("sid")).isEqualTo(atLogin.get("sid"));
    }

    @Test
    void logoutLeavesNothingToResume() {
        Service first = start(true);
        String appId = SessionServiceTest.newAppId();
        first.login(appId, control.createAccount(SessionServiceTest.ACCOUNT).get("accountId").asString());
        first.client.post().uri("/logout").header("X-Wechat-App-Id", appId).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> credentialRecords(appId),
                records -> !records.isEmpty() && records.getLast() == null);
        first.stop();

        Service second = start(true);

        assertThat(second.get(appId, "/status")).containsEntry("state", "not_logged_in").containsEntry("alive", null);
    }

    @Test
    void aSessionEndedWhileTheServiceWasDownIsPublishedAsLoggedOutAndForgotten() {
        Service first = start(true);
        String appId = SessionServiceTest.newAppId();
        String accountId = control.createAccount(SessionServiceTest.ACCOUNT).get("accountId").asString();
        first.login(appId, accountId);
        first.stop();
        control.logout(accountId);

        start(true);

        SessionStateChanged out = events.await(appId, EventTypes.SESSION_STATE, SessionStateChanged.class,
                s -> s.state() == SessionState.LOGGED_OUT);
        assertThat(out.reason()).startsWith("resume failed");
        assertThat(out.accountName()).isEqualTo("测试号 😀");
        await().atMost(Duration.ofSeconds(10)).until(() -> credentialRecords(appId),
                records -> !records.isEmpty() && records.getLast() == null);
    }

    @Test
    void withoutAKeyNothingIsSavedAndTheStartWarns(CapturedOutput output) {
        Service service = start(false);
        String appId = SessionServiceTest.newAppId();
        service.login(appId, control.createAccount(SessionServiceTest.ACCOUNT).get("accountId").asString());
        events.await(appId, EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class, s -> true);

        assertThat(output.getOut()).contains("wechat.session.credentials-key is not set");
        assertThat(credentialRecords(appId)).isEmpty();
    }

    private Service start(boolean withKey) {
        List<String> properties = new ArrayList<>(List.of("server.port=0",
                "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "wechat.session.wechat-base-url=" + SessionServiceTest.SIMULATOR.baseUrl(),
                "wechat.session.retry-backoff-initial=200ms", "wechat.session.retry-backoff-max=2s",
                "wechat.media.root=target/test-media"));
        if (withKey) {
            properties.add("wechat.session.credentials-key=" + Base64.getEncoder().encodeToString(KEY));
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SessionApplication.class)
                .properties(properties.toArray(String[]::new)).run();
        started.add(context);
        return new Service(context);
    }

    /** The values this app's saved sessions had on the topic, oldest first; null for a tombstone. */
    private static List<byte[]> credentialRecords(String appId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<byte[]> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (appId.equals(record.key())) {
                        values.add(record.value());
                    }
                }
            }
            return values;
        }
    }

    // What the service does to read a record back: AES-GCM, 12-byte nonce first, the app id as associated data.
    private static byte[] open(String appId, byte[] sealed) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"),
                new GCMParameterSpec(128, Arrays.copyOf(sealed, 12)));
        cipher.updateAAD(appId.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static String puidOf(ContactsSnapshot snapshot, String nickName) {
        return snapshot.contacts().stream().filter(c -> nickName.equals(c.nickName())).findFirst().orElseThrow()
                .puid();
    }

    /** One running instance of the service and a client for it. */
    private static final class Service {

        private final ConfigurableApplicationContext context;
        private final WebTestClient client;

        Service(ConfigurableApplicationContext context) {
            this.context = context;
            this.client = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(20)).build();
        }

        /** A QR login of the app as the simulated account; returns the QR code's uuid. */
        String login(String appId, String accountId) {
            String uuid = (String) get(appId, "/login").get("uuid");
            SessionServiceTest.SIMULATOR.control().scanAndConfirm(uuid, accountId);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> get(appId, "/check-login?uuid=" + uuid).get("status"), "200"::equals);
            return uuid;
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
