package dev.wechatapi.session.ownership;

import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.http.HttpHeaders;

/**
 * The owner's HTTP answer to a {@link Command}, on its way back: status, headers and body. On the reply topic the
 * key is the id of the replica waiting for it, so each replica reads a single partition.
 */
record CommandReply(String commandId, int status, HttpHeaders headers, byte[] body) {

    // Recomputed by the replica that writes the answer to its client.
    private static final Set<String> NOT_COPIED = Set.of("content-length", "transfer-encoding", "connection");

    static final String STATUS = "wechat-status";

    ProducerRecord<String, byte[]> toRecord(String topic, String replyTo) {
        Headers recordHeaders = new RecordHeaders();
        Command.add(recordHeaders, Command.ID, commandId);
        Command.add(recordHeaders, STATUS, Integer.toString(status));
        HttpHeaders copied = new HttpHeaders();
        headers.headerSet().stream()
                .filter(header -> !NOT_COPIED.contains(header.getKey().toLowerCase(Locale.ROOT)))
                .forEach(header -> copied.addAll(header.getKey(), header.getValue()));
        Command.writeHttpHeaders(copied, recordHeaders);
        return new ProducerRecord<>(topic, null, replyTo, body, recordHeaders);
    }

    /** The reply in a record, or null when the record is not one. */
    static CommandReply fromRecord(ConsumerRecord<String, byte[]> record) {
        String id = Command.text(record.headers(), Command.ID);
        String status = Command.text(record.headers(), STATUS);
        if (id == null || status == null) {
            return null;
        }
        try {
            HttpHeaders headers = Command.readHttpHeaders(record.headers());
            NOT_COPIED.forEach(headers::remove);
            return new CommandReply(id, Integer.parseInt(status), headers,
                    record.value() == null ? new byte[0] : record.value());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
