package dev.wechatapi.archive.messages;

import dev.wechatapi.archive.store.Utc;
import dev.wechatapi.archive.store.Values;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.Party;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stores message events. A message is identified by (app_id, msg_id, direction): a replayed event hits the
 * primary key and changes nothing. The no-op update (rather than INSERT IGNORE) keeps every other error, such as
 * a value the column cannot hold, an error instead of a silently truncated row.
 */
@Component
public final class MessageArchive {

    private final DatabaseClient db;

    public MessageArchive(DatabaseClient db) {
        this.db = db;
    }

    /** Stores the message; emits true when it was new, false when it was already archived. */
    public Mono<Boolean> archive(MessageEvent message) {
        Values values = values(message);
        String columns = String.join(", ", values.asMap().keySet());
        String parameters = ":" + String.join(", :", values.asMap().keySet());
        return db.sql("INSERT INTO messages (" + columns + ") VALUES (" + parameters + ")"
                        + " ON DUPLICATE KEY UPDATE msg_id = msg_id")
                .bindValues(values.asMap())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
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
