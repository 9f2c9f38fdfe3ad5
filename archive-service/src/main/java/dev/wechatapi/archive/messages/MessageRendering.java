package dev.wechatapi.archive.messages;

import dev.wechatapi.archive.web.LocalTimes;
import dev.wechatapi.archive.web.MediaUrls;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.MessageContent;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Turns an archived message into its API shape: times in the configured zone, media ids into gateway URLs, and
 * the content fields the contract lists for the message's type (always all of them, null when unknown).
 */
@Component
final class MessageRendering {

    private final LocalTimes times;
    private final MediaUrls media;

    MessageRendering(LocalTimes times, MediaUrls media) {
        this.times = times;
        this.media = media;
    }

    MessageView view(MessageRow row, ServerHttpRequest request) {
        return view(row, mediaId -> media.url(request, mediaId));
    }

    /** The message as a request of {@code appId} through the gateway at {@code gateway} would show it. */
    MessageView view(MessageRow row, URI gateway, String appId) {
        return view(row, mediaId -> media.url(gateway, appId, mediaId));
    }

    // mediaUrl: a media id to its absolute URL, null for null.
    private MessageView view(MessageRow row, UnaryOperator<@Nullable String> mediaUrl) {
        return new MessageView(
                row.msgId(),
                Long.toString(row.msgId()),
                content(row, mediaUrl),
                new MessageView.Kinds(apiKind(row.senderKind()), apiKind(row.receiverKind())),
                row.type().name(),
                times.render(row.createTime()),
                times.render(row.receiveTime()),
                row.isAt(),
                row.senderPuid(),
                row.receiverPuid(),
                row.memberPuid());
    }

    private Map<String, @Nullable Object> content(MessageRow row, UnaryOperator<@Nullable String> mediaUrl) {
        MessageContent content = row.content();
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("message", row.msgId());
        switch (row.type()) {
            case Text, Note, System, Friends -> fields.put("text", content.text());
            case Map -> {
                fields.put("x", content.x());
                fields.put("y", content.y());
                fields.put("scale", content.scale());
                fields.put("label", content.label());
                fields.put("maptype", content.mapType());
                fields.put("poiname", content.poiName());
                fields.put("poiid", content.poiId());
                fields.put("url", content.url());
                fields.put("text", content.text());
            }
            case Sharing -> {
                fields.put("url", content.url());
                fields.put("text", content.text());
            }
            case Picture -> {
                fields.put("image", mediaUrl.apply(content.mediaId()));
                fields.put("img_height", content.imgHeight());
                fields.put("img_width", content.imgWidth());
            }
            case Recording -> {
                fields.put("voice_length", content.voiceLength());
                fields.put("record", mediaUrl.apply(content.mediaId()));
            }
            case Attachment -> {
                fields.put("file_size", content.fileSize());
                fields.put("file", mediaUrl.apply(content.mediaId()));
            }
            case Video -> {
                fields.put("play_length", content.playLength());
                fields.put("video", mediaUrl.apply(content.mediaId()));
            }
            case Card -> card(fields, content.card(), mediaUrl);
        }
        return fields;
    }

    private void card(Map<String, @Nullable Object> fields, MessageContent.@Nullable Card card,
            UnaryOperator<@Nullable String> mediaUrl) {
        fields.put("username", card != null ? card.userName() : null);
        fields.put("nickname", card != null ? card.nickName() : null);
        fields.put("alias", card != null ? card.alias() : null);
        fields.put("province", card != null ? card.province() : null);
        fields.put("city", card != null ? card.city() : null);
        fields.put("sign", card != null ? card.signature() : null);
        fields.put("sex", card != null ? card.sex() : null);
        fields.put("avatar", card != null ? mediaUrl.apply(card.avatar()) : null);
    }

    private static @Nullable String apiKind(@Nullable ContactKind kind) {
        return kind != null ? kind.apiKind() : null;
    }
}
