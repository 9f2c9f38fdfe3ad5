package dev.wechatapi.archive.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message in the shape of {@code GET /messages}. {@code id} stays a JSON number for compatibility with the
 * original; {@code id_str} is the same id for clients (JavaScript) that lose 64-bit precision.
 */
public record MessageView(
        long id,
        @JsonProperty("id_str") String idStr,
        Map<String, @Nullable Object> content,
        Kinds type,
        @JsonProperty("msg_type") String msgType,
        @JsonProperty("create_time") @Nullable String createTime,
        @JsonProperty("receive_time") @Nullable String receiveTime,
        @JsonProperty("is_at") boolean isAt,
        @JsonProperty("sender_puid") @Nullable String senderPuid,
        @JsonProperty("receiver_puid") @Nullable String receiverPuid,
        @Nullable String member) {

    /** What the sender and receiver are: wxusermodel, wxgroupmodel or wxmpsmodel. */
    public record Kinds(@Nullable String sender, @Nullable String receiver) {}
}
