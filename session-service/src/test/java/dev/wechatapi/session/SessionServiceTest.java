package dev.wechatapi.session;

import static org.awaitility.Awaitility.await;

import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.EventTypes;
import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.simulator.WeChatSimulator;
import dev.wechatapi.testsupport.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service on a random port against the embedded WeChat simulator and a real Kafka broker. Every test works
 * as its own app (a fresh app id) with its own simulated account, so the classes share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wechat.session.retry-backoff-initial=200ms", "wechat.session.retry-backoff-max=2s",
                // Pacing small enough that tests fill the queue and see pauses end within seconds.
                "wechat.session.send.rate=4", "wechat.session.send.burst=2", "wechat.session.send.queue-size=3",
                "wechat.session.send.pause-initial=1s", "wechat.session.send.pause-max=4s",
                // Small enough that the oversize test uploads little, big enough for a file sent in several chunks.
                "wechat.session.send.max-file-size=2MB",
                // Downloads: small limits so the tests see a skipped big file and a late download quickly.
                "wechat.media.root=target/test-media", "wechat.session.media.max-size=1MB",
                "wechat.session.media.download-timeout=3s",
                // Its own owners' group: contexts of other test classes in this JVM must not take its apps.
                "wechat.session.ownership.group-id=session-tests-${random.uuid}"})
abstract class SessionServiceTest {

    /** One simulator for the whole test JVM, like the one Kafka broker; it goes when the JVM goes. */
    static final WeChatSimulator SIMULATOR = WeChatSimulator.start(SimulatorConfig.forTests());

    static final Map<String, Object> ACCOUNT = Map.of(
            "nickName", "测试号 😀",
            "friends", List.of("张伟 🐼", "李娜", "王芳"),
            "groups", List.of(Map.of("nickName", "周末爬山群 ⛰️", "members", List.of("张伟 🐼", "李娜"))),
            "mps", 1);

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    WebTestClient client;
    SimulatorControl control = SIMULATOR.control();
    EventLog events;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("wechat.session.wechat-base-url", SIMULATOR::baseUrl);
    }

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        events = new EventLog(TestKafka.bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    static String newAppId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** An app logged in as a new simulated account, with the contacts snapshot its login published. */
    record LoggedIn(String appId, String accountId, String uuid, ContactsSnapshot contacts) {

        String puidOf(String nickName) {
            return contact(nickName).puid();
        }

        Contact contact(String nickName) {
            return contacts.contacts().stream().filter(c -> nickName.equals(c.nickName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no contact " + nickName + " in " + contacts));
        }

        String groupPuid() {
            return contacts.contacts().stream().filter(c -> c.kind() == ContactKind.GROUP).findFirst()
                    .orElseThrow().puid();
        }
    }

    LoggedIn login() {
        String appId = newAppId();
        String accountId = control.createAccount(ACCOUNT).get("accountId").asString();
        String uuid = (String) get(appId, "/login").get("uuid");
        control.scanAndConfirm(uuid, accountId);
        awaitCheckLogin(appId, uuid, "200");
        ContactsSnapshot contacts = events.await(appId, EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class,
                s -> true);
        return new LoggedIn(appId, accountId, uuid, contacts);
    }

    Map<String, Object> get(String appId, String path) {
        return client.get().uri(path).header("X-Wechat-App-Id", appId).exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    Map<String, Object> checkLogin(String appId, String uuid) {
        return get(appId, "/check-login?uuid=" + uuid);
    }

    Map<String, Object> awaitCheckLogin(String appId, String uuid, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> checkLogin(appId, uuid), answer -> status.equals(answer.get("status")));
    }
}
