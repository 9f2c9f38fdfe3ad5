package dev.wechatapi.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.testsupport.LocalStack;
import dev.wechatapi.testsupport.StackOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two session replicas, each its own process, share the sessions of many apps. One of them is killed with SIGKILL
 * while messages keep arriving: every session must carry on on the other replica from its saved credentials, without
 * a QR scan, within 30 s, and every message sent to the accounts during the failover must be archived exactly once.
 */
class SessionFailoverTest {

    private static final int APPS = 12;
    private static final int PARTITIONS = 6;
    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(30);

    private static LocalStack stack;
    private static LocalStack.SessionReplica second;
    private static SimulatorControl simulator;

    @BeforeAll
    static void startTwoReplicas() {
        stack = LocalStack.start(StackOptions.forTests());
        second = stack.startSessionReplica("session-service-2");
        simulator = new SimulatorControl(URI.create(stack.simulatorUrl()));
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killingAReplicaMovesItsSessionsWithoutAScanAndLosesOrDuplicatesNoMessage() throws Exception {
        Http first = new Http(stack.sessionUrl());
        Http victim = new Http(second.url());
        Eventually.await("the two replicas to share the partitions", Duration.ofSeconds(60),
                () -> List.of(partitions(first), partitions(victim)),
                owned -> !owned.get(0).isEmpty() && !owned.get(1).isEmpty()
                        && owned.get(0).size() + owned.get(1).size() == PARTITIONS);

        Map<String, String> accounts = new LinkedHashMap<>();
        for (int i = 0; i < APPS; i++) {
            String appId = UUID.randomUUID().toString().replace("-", "");
            accounts.put(appId, login(first, appId, "故障转移测试 " + i + " 🚑"));
        }
        Set<Integer> onVictim = partitions(victim);
        List<String> victimApps = accounts.keySet().stream().filter(app -> onVictim.contains(partitionOf(app))).toList();
        assertThat(victimApps).as("apps whose sessions run on the replica to be killed").isNotEmpty();
        int qrCodesBefore = simulator.qrCodes().size();

        Injector injector = new Injector(accounts);
        Thread injecting = Thread.ofPlatform().name("inject").start(injector);
        Thread.sleep(2000);

        Instant killed = Instant.now();
        second.process().kill();
        Eventually.await("the surviving replica to own every partition", FAILOVER_LIMIT,
                () -> partitions(first), owned -> owned.size() == PARTITIONS);
        for (String appId : victimApps) {
            Eventually.await("app " + appId + " alive on the surviving replica", FAILOVER_LIMIT,
                    () -> first.withHeader("X-Wechat-App-Id", appId).get("/status"),
                    status -> status.status() == 200 && status.json().get("alive").asBoolean(false));
        }
        Duration failover = Duration.between(killed, Instant.now());
        System.out.printf("failover: %d sessions resumed on the surviving replica %d ms after SIGKILL%n",
                victimApps.size(), failover.toMillis());
        assertThat(failover).isLessThan(FAILOVER_LIMIT);

        Thread.sleep(2000);
        injector.stop();
        injecting.join();
        assertThat(injector.total()).as("messages injected around the failover").isGreaterThan(APPS * 5);

        Http archive = new Http(stack.archiveUrl());
        for (Map.Entry<String, Set<String>> sent : injector.sent().entrySet()) {
            Http app = archive.withHeader("X-Wechat-App-Id", sent.getKey());
            JsonNode page = Eventually.await("every message of app " + sent.getKey() + " archived", Duration.ofSeconds(60),
                    () -> app.get("/messages", Map.of("type", "Text", "page_size", "500")).json(),
                    json -> json.get("count").asInt() >= sent.getValue().size());
            List<String> archived = StreamSupport.stream(page.get("results").spliterator(), false)
                    .map(m -> m.get("id_str").asString()).toList();
            assertThat(page.get("count").asInt()).as("archived once each").isEqualTo(sent.getValue().size());
            assertThat(new HashSet<>(archived)).containsExactlyInAnyOrderElementsOf(sent.getValue());
        }
        assertThat(simulator.qrCodes().size()).as("no QR code was shown again").isEqualTo(qrCodesBefore);
    }

    /** A QR login of a new simulated account through the replica; returns the account id. */
    private static String login(Http replica, String appId, String nickName) {
        Http app = replica.withHeader("X-Wechat-App-Id", appId);
        String accountId = simulator.createAccount(Map.of("nickName", nickName, "friends", List.of("小王", "小李"),
                "groups", 0, "mps", 0)).get("accountId").asString();
        Http.Response login = app.get("/login");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String uuid = login.json().get("uuid").asString();
        simulator.scanAndConfirm(uuid, accountId);
        Eventually.await("app " + appId + " logged in", Duration.ofSeconds(30),
                () -> app.get("/check-login", Map.of("uuid", uuid)),
                answer -> answer.status() == 200 && "200".equals(answer.json().get("status").asString()));
        return accountId;
    }

    /** The partitions a replica owns, from its health endpoint; empty when it does not answer. */
    private static Set<Integer> partitions(Http replica) {
        try {
            Http.Response health = replica.get("/actuator/health");
            JsonNode owned = health.json().path("components").path("ownership").path("details").path("partitions");
            Set<Integer> numbers = new HashSet<>();
            owned.forEach(n -> numbers.add(n.asInt()));
            return numbers;
        } catch (RuntimeException down) {
            return Set.of();
        }
    }

    // Kafka's default partitioner for a string key: the service keys every topic by app id.
    private static int partitionOf(String appId) {
        return Utils.toPositive(Utils.murmur2(appId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** Friends of the accounts write to them, round robin, about 25 messages a second, until stopped. */
    private static final class Injector implements Runnable {

        private final Map<String, String> accounts;
        private final Map<String, Set<String>> sent = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);

        Injector(Map<String, String> accounts) {
            this.accounts = accounts;
        }

        @Override
        public void run() {
            List<Map.Entry<String, String>> apps = new ArrayList<>(accounts.entrySet());
            for (int n = 0; running.get(); n++) {
                Map.Entry<String, String> app = apps.get(n % apps.size());
                String msgId = simulator.sendText(app.getValue(), "小王", "第 " + n + " 条消息，故障转移中 🔁");
                sent.computeIfAbsent(app.getKey(), k -> ConcurrentHashMap.newKeySet()).add(msgId);
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void stop() {
            running.set(false);
        }

        Map<String, Set<String>> sent() {
            return sent;
        }

        int total() {
            return sent.values().stream().mapToInt(Set::size).sum();
        }
    }
}
