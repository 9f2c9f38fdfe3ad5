package dev.wechatapi.session.ownership;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.http.HttpHeaders;

/**
 * A request for an app, on its way from the replica that received it to the replica that owns the app: the HTTP
 * request itself (method, path with query, headers, body) plus where to answer and until when. On the command
 * topic the key is the app id and the body is the value; the rest travels in record headers.
 *
 * @param id correlates the reply with the waiting request
 * @param replyTo the id of the replica waiting for the reply
 * @param group the consumer group of the replicas it was sent to (several deployments may share a topic)
 * @param deadline after this the one who asked has given up: the owner drops the command
 */
record Command(String id, String appId, String replyTo, String group, Instant deadline, String method, String uri,
        HttpHeaders headers, byte[] body) {

    // Per connection, or recomputed when the request is replayed.
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade", "expect", "proxy-connection");

    static final String ID = "wechat-command-id";
    static final String REPLY_TO = "wechat-reply-to";
    static final String GROUP = "wechat-group";
    static final String DEADLINE = "wechat-deadline";
    static final String METHOD = "wechat-method";
    static final String URI = "wechat-uri";
    static final String HTTP_HEADER = "http-";

    ProducerRecord<String, byte[]> toRecord(String topic) {
        Headers recordHeaders = new RecordHeaders();
        add(recordHeaders, ID, id);
        add(recordHeaders, REPLY_TO, replyTo);
        add(recordHeaders, GROUP, group);
        add(recordHeaders, DEADLINE, Long.toString(deadline.toEpochMilli()));
        add(recordHeaders, METHOD, method);
        add(recordHeaders, URI, uri);
        writeHttpHeaders(headers, recordHeaders);
        return new ProducerRecord<>(topic, null, appId, body, recordHeaders);
    }

    static Command fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers recordHeaders = record.headers();
        String deadline = text(recordHeaders, DEADLINE);
        return new Command(text(recordHeaders, ID), record.key(), text(recordHeaders, REPLY_TO),
                text(recordHeaders, GROUP), deadline == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(deadline)),
                text(recordHeaders, METHOD), text(recordHeaders, URI), readHttpHeaders(recordHeaders),
                record.value() == null ? new byte[0] : record.value());
    }

    /** Whether the record carries what a command needs; anything else on the topic is skipped. */
    boolean isComplete() {
        return id != null && appId != null && replyTo != null && method != null && uri != null && uri.startsWith("/");
    }

    static void writeHttpHeaders(HttpHeaders from, Headers to) {
        for (Map.Entry<String, List<String>> header : from.headerSet()) {
            if (HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                add(to, HTTP_HEADER + header.getKey(), value);
            }
        }
    }

    static HttpHeaders readHttpHeaders(Headers from) {
        HttpHeaders headers = new HttpHeaders();
        for (Header header : from) {
            if (header.key().startsWith(HTTP_HEADER) && header.value() != null) {
                headers.add(header.key().substring(HTTP_HEADER.length()),
                        new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    static void add(Headers headers, String key, String value) {
        if (value != null) {
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
