package dev.wechatapi.benchmarks;

import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.Topics;
import dev.wechatapi.events.WeChatEvents;
import io.cloudevents.CloudEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long a large account's contact snapshot takes to become queryable: from publishing the snapshot to
 * {@code /members/<last group>} answering with all its members. Run twice: the first login (empty archive) and
 * a re-login (every row replaced).
 *
 * <pre>{@code benchmarks/run snapshot 5000 500 500}</pre>
 */
public final class ContactSnapshotBenchmark {

    // A 500 x 500 account is a snapshot of tens of MB of JSON: far beyond Kafka's 1 MB default record size.
    private static final int MAX_RECORD_BYTES = 256 * 1024 * 1024;

    private ContactSnapshotBenchmark() {}

    public static void main(String[] args) throws Exception {
        int friends = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Report report = new Report("contact-snapshot", "Contact snapshot: publish to fully queryable",
                "benchmarks/run snapshot " + friends + " " + groups + " " + members);
        JsonMapper json = JsonMapper.builder().build();
        try (BenchmarkStack stack = BenchmarkStack.start("snapshot")) {
            stack.createTopic(Topics.CONTACTS, 6, Map.of("max.message.bytes", Integer.toString(MAX_RECORD_BYTES)));
            stack.startArchive(true);
            String appId = BenchmarkStack.newAppId();
            report.line("account: %d friends, %d groups x %d members (%d contacts and members in one snapshot)"
                    .formatted(friends, groups, members, friends + groups + groups * members));
            try (KafkaProducer<String, CloudEvent> producer = stack.producer(Map.of(
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES,
                    ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * MAX_RECORD_BYTES,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"))) {
                // The consumers join their group first, so the rounds measure the archive, not the join.
                String warmUp = BenchmarkStack.newAppId();
                producer.send(new ProducerRecord<>(Topics.CONTACTS, warmUp,
                        WeChatEvents.contactsSnapshot(snapshot(warmUp, 1, 1, 1, "v1", Instant.now())))).get();
                awaitComplete(stack, json, warmUp, "g00001", 1, "v1");
                for (String round : List.of("first login", "re-login (all rows replaced)")) {
                    Instant takenAt = Instant.now();
                    CloudEvent event = WeChatEvents.contactsSnapshot(
                            snapshot(appId, friends, groups, members, round.startsWith("re") ? "v2" : "v1", takenAt));
                    String lastGroup = "g%05d".formatted(groups);
                    long start = System.nanoTime();
                    producer.send(new ProducerRecord<>(Topics.CONTACTS, appId, event)).get();
                    long published = System.nanoTime();
                    String version = round.startsWith("re") ? "v2" : "v1";
                    awaitComplete(stack, json, appId, lastGroup, members, version);
                    long done = System.nanoTime();
                    report.line("%s: queryable %.2f s after publishing (publish itself %.2f s, %d bytes of JSON)"
                            .formatted(round, (done - start) / 1e9, (published - start) / 1e9,
                                    event.getData().toBytes().length));
                }
            }
            JsonNode friendsPage = json.readTree(stack.get(appId, "/friends?page_size=1").body());
            JsonNode groupsPage = json.readTree(stack.get(appId, "/groups?page_size=1").body());
            report.line("after both: /friends count %d (the account itself included), /groups count %d"
                    .formatted(friendsPage.get("count").asLong(), groupsPage.get("count").asLong()));
            report.write(stack.databaseFacts());
        }
        System.exit(0);
    }

    // Complete: the last group's first page lists every member of the expected version.
    private static void awaitComplete(BenchmarkStack stack, JsonMapper json, String appId, String group, int members,
            String version) throws InterruptedException {
        int pageSize = Math.min(members, 500);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = stack.get(appId, "/members/" + group + "?page_size=" + pageSize);
            if (response.statusCode() == 200) {
                JsonNode page = json.readTree(response.body());
                JsonNode results = page.get("results");
                if (page.get("count").asLong() == members && results.size() == pageSize
                        && results.get(pageSize - 1).get("nick_name").asString().endsWith(version)) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the snapshot did not become queryable within 5 minutes");
    }

    static ContactsSnapshot snapshot(String appId, int friends, int groups, int members, String version,
            Instant takenAt) {
        List<Contact> contacts = new ArrayList<>(friends + groups);
        for (int i = 1; i <= friends; i++) {
            contacts.add(person("f%05d".formatted(i), "好友 %d 😀 %s".formatted(i, version)));
        }
        for (int g = 1; g <= groups; g++) {
            List<Contact> people = new ArrayList<>(members);
            for (int m = 1; m <= members; m++) {
                people.add(person("g%05dm%04d".formatted(g, m), "群友 %d-%d 🎉 %s".formatted(g, m, version)));
            }
            contacts.add(new Contact("g%05d".formatted(g), ContactKind.GROUP, "@@g" + g, "群 %d %s".formatted(g, version),
                    null, null, null, 0, null, null, "avatar-g" + g, people));
        }
        Contact self = new Contact("self", ContactKind.FRIEND, "@self", "我 " + version, null, null, null, 1, "广东",
                "深圳", null, List.of());
        return new ContactsSnapshot(appId, self, contacts, takenAt);
    }

    private static Contact person(String puid, String nickName) {
        return new Contact(puid, ContactKind.FRIEND, "@" + puid + "0123456789abcdef", nickName, null, null,
                "个性签名 " + puid, puid.hashCode() & 1, "广东", "深圳", "avatar-" + puid, List.of());
    }
}
