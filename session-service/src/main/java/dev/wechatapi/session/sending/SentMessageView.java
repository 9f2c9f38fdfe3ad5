package dev.wechatapi.session.sending;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.session.ApiTimes;

/** A message in the shape of {@code /messages} results, as {@code /send-message} answers it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record SentMessageView(
        long id,
        @JsonProperty("id_str") String idStr,
        Content content,
        Kinds type,
        @JsonProperty("msg_type") String msgType,
        @JsonProperty("create_time") String createTime,
        @JsonProperty("receive_time") String receiveTime,
        @JsonProperty("is_at") boolean isAt,
        @JsonProperty("sender_puid") String senderPuid,
        @JsonProperty("receiver_puid") String receiverPuid,
        String member) {

    record Content(long message, String text) {}

    record Kinds(String sender, String receiver) {}

    static SentMessageView of(MessageEvent sent, ApiTimes times) {
        return new SentMessageView(
                sent.msgId(),
                Long.toString(sent.msgId()),
                new Content(sent.msgId(), sent.content().text()),
                new Kinds(sent.sender().kind().apiKind(), sent.receiver().kind().apiKind()),
                sent.type().name(),
                times.format(sent.createTime()),
                times.format(sent.receiveTime()),
                sent.isAt(),
                sent.sender().puid(),
                sent.receiver().puid(),
                sent.member());
    }
}
