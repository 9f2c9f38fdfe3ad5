package dev.wechatapi.session.sending;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.session.ApiTimes;
import dev.wechatapi.session.web.GatewayBase;
import java.util.LinkedHashMap;
import java.util.Map;

/** A message in the shape of {@code /messages} results, as {@code /send-message} answers it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record SentMessageView(
        long id,
        @JsonProperty("id_str") String idStr,
        Map<String, Object> content,
        Kinds type,
        @JsonProperty("msg_type") String msgType,
        @JsonProperty("create_time") String createTime,
        @JsonProperty("receive_time") String receiveTime,
        @JsonProperty("is_at") boolean isAt,
        @JsonProperty("sender_puid") String senderPuid,
        @JsonProperty("receiver_puid") String receiverPuid,
        String member) {

    record Kinds(String sender, String receiver) {}

    static SentMessageView of(MessageEvent sent, ApiTimes times, GatewayBase gateway) {
        return new SentMessageView(
                sent.msgId(),
                Long.toString(sent.msgId()),
                content(sent, gateway),
                new Kinds(sent.sender().kind().apiKind(), sent.receiver().kind().apiKind()),
                sent.type().name(),
                times.format(sent.createTime()),
                times.format(sent.receiveTime()),
                sent.isAt(),
                sent.sender().puid(),
                sent.receiver().puid(),
                sent.member());
    }

    /**
     * The content fields {@code /messages} shows for the type. A media URL is the gateway's {@code /media/<id>} of the
     * stored file (fetched with the app's credential), null when the file could not be stored.
     */
    private static Map<String, Object> content(MessageEvent sent, GatewayBase gateway) {
        MessageContent content = sent.content();
        String mediaUrl = content.mediaId() != null ? gateway.resolve("/media/" + content.mediaId()) : null;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message", sent.msgId());
        switch (sent.type()) {
            case Picture -> {
                fields.put("image", mediaUrl);
                fields.put("img_height", content.imgHeight());
                fields.put("img_width", content.imgWidth());
            }
            case Attachment -> {
                fields.put("file_size", content.fileSize());
                fields.put("file", mediaUrl);
            }
            case Video -> {
                fields.put("play_length", content.playLength());
                fields.put("video", mediaUrl);
            }
            default -> fields.put("text", content.text());
        }
        return fields;
    }
}
