package dev.wechatapi.archive.messages;

import dev.wechatapi.archive.store.MultiRowInsert;
import dev.wechatapi.archive.store.Utc;
import dev.wechatapi.archive.store.Values;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Stores message events. A message is identified by (app_id, msg_id, direction): a replayed event hits the
 * primary key and changes nothing. The no-op update (rather than INSERT IGNORE) keeps every other error, such as
 * a value the column cannot hold, an error instead of a silently truncated row. A batch is written as multi-row
 * INSERTs in one transaction: one commit (one log flush) per batch rather than per message.
 */
@Component
public final class MessageArchive {

    // Rows per INSERT: a whole poll (max-poll-records is 1,000 in application.yml) in one statement of 47,000
    // placeholders, below the 65,535 a statement may hold.
    private static final int CHUNK = 1_000;

    // The columns and their types, taken from the values of any message (every message gives every column).
    private static final Values COLUMNS = values(new MessageEvent("app", 0, Direction.RECEIVED, MessageType.Text, 1,
            null, null, null, null, false, null, Instant.EPOCH, Instant.EPOCH));

    // Affected rows: 1 per new row, 0 per duplicate (the no-op update changes nothing).
    private static final MultiRowInsert INSERT = MultiRowInsert.into("messages", COLUMNS.names(), COLUMNS.types(),
            " ON DUPLICATE KEY UPDATE msg_id = msg_id", CHUNK);

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    public MessageArchive(DatabaseClient db, ReactiveTransactionManager transactions) {
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
    }

    /** Stores the messages; emits the affected rows the database reports (duplicates count as unchanged). */
    public Mono<Long> archive(List<MessageEvent> messages) {
        List<@Nullable Object[]> rows = new ArrayList<>(messages.size());
        messages.forEach(message -> rows.add(values(message).row()));
        Mono<Long> inserts = INSERT.run(db, rows);
        return rows.size() <= CHUNK ? inserts : transaction.transactional(inserts);
    }

    // Keys are the column names.
    private static Values values(MessageEvent message) {
        MessageContent content = message.content() != null ? message.content() : MessageContent.text(null);
        MessageContent.Card card = content.card();
        Instant created = message.createTime() != null ? message.createTime() : message.receiveTime();
        Instant received = message.receiveTime() != null ? message.receiveTime() : created;
        Values values = new Values()
                .put("app_id", message.appId(), String.class)
                .put("msg_id", message.msgId(), Long.class)
                .put("direction", message.direction().name(), String.class)
                .put("type", message.type().name(), String.class)
                .put("raw_msg_type", message.rawMsgType(), Integer.class);
        party(values, "sender", message.sender());
        party(values, "receiver", message.receiver());
        return values
                .put("member_puid", message.member(), String.class)
                .put("member_name", message.memberName(), String.class)
                .put("is_at", message.isAt(), Boolean.class)
                .put("text", content.text(), String.class)
                .put("text_grams", TextGrams.index(content.text()), String.class)
                .put("url", content.url(), String.class)
                .put("map_x", content.x(), Double.class)
                .put("map_y", content.y(), Double.class)
                .put("map_scale", content.scale(), Integer.class)
                .put("map_label", content.label(), String.class)
                .put("map_type", content.mapType(), String.class)
                .put("poi_name", content.poiName(), String.class)
                .put("poi_id", content.poiId(), String.class)
                .put("media_id", content.mediaId(), String.class)
                .put("img_height", content.imgHeight(), Integer.class)
                .put("img_width", content.imgWidth(), Integer.class)
                .put("voice_length", content.voiceLength(), Integer.class)
                .put("file_size", content.fileSize(), Long.class)
                .put("file_name", content.fileName(), String.class)
                .put("play_length", content.playLength(), Integer.class)
                .put("card_user_name", card != null ? card.userName() : null, String.class)
                .put("card_nick_name", card != null ? card.nickName() : null, String.class)
                .put("card_alias", card != null ? card.alias() : null, String.class)
                .put("card_province", card != null ? card.province() : null, String.class)
                .put("card_city", card != null ? card.city() : null, String.class)
                .put("card_signature", card != null ? card.signature() : null, String.class)
                .put("card_sex", card != null ? card.sex() : null, Integer.class)
                .put("card_avatar", card != null ? card.avatar() : null, String.class)
                .put("create_time", Utc.of(created), LocalDateTime.class)
                .put("receive_time", Utc.of(received), LocalDateTime.class)
                .put("archived_at", Utc.now(), LocalDateTime.class);
    }

    private static void party(Values values, String role, Party party) {
        values.put(role + "_puid", party != null ? party.puid() : null, String.class)
                .put(role + "_kind", party != null && party.kind() != null ? party.kind().name() : null, String.class)
                .put(role + "_name", party != null ? party.name() : null, String.class);
    }
}
