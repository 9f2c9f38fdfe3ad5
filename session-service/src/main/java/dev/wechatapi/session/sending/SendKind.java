package dev.wechatapi.session.sending;

import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.wechat.SentMessage;
import dev.wechatapi.wechat.WeChatException;
import dev.wechatapi.wechat.WeChatSession;
import java.util.Locale;

/**
 * The kinds {@code /send-message} sends, each with its driver call and what its {@code SENT} event says about it.
 * Media content carries the file's name and size and its {@code mediaId} in the media store.
 */
enum SendKind {

    TEXT("text", MessageType.Text) {
        @Override
        SentMessage send(WeChatSession session, String to, SendMessageRequest request, byte[] bytes)
                throws WeChatException {
            return session.sendText(to, request.text());
        }

        @Override
        MessageContent content(SendMessageRequest request, byte[] bytes, String mediaId) {
            return MessageContent.text(request.text());
        }
    },
    IMAGE("image", MessageType.Picture) {
        @Override
        SentMessage send(WeChatSession session, String to, SendMessageRequest request, byte[] bytes)
                throws WeChatException {
            return session.sendImage(to, request.file().fileName(), bytes);
        }

        @Override
        MessageContent content(SendMessageRequest request, byte[] bytes, String mediaId) {
            MediaProbe.Size size = MediaProbe.imageSize(bytes);
            return new MessageContent(null, null, null, null, null, null, null, null, null, mediaId,
                    size != null ? size.height() : null, size != null ? size.width() : null, null,
                    request.file().size(), request.file().fileName(), null, null);
        }

        @Override
        int rawMsgType(SendMessageRequest request) {
            // The driver sends a GIF as an animated sticker (MsgType 47), every other picture as MsgType 3.
            return request.file().fileName().toLowerCase(Locale.ROOT).endsWith(".gif") ? 47 : 3;
        }
    },
    FILE("file", MessageType.Attachment) {
        @Override
        SentMessage send(WeChatSession session, String to, SendMessageRequest request, byte[] bytes)
                throws WeChatException {
            return session.sendFile(to, request.file().fileName(), bytes);
        }

        @Override
        MessageContent content(SendMessageRequest request, byte[] bytes, String mediaId) {
            return new MessageContent(null, null, null, null, null, null, null, null, null, mediaId, null, null,
                    null, request.file().size(), request.file().fileName(), null, null);
        }

        @Override
        int rawMsgType(SendMessageRequest request) {
            return 49; // an app message with AppMsgType 6, as the recipient receives it
        }
    },
    VIDEO("video", MessageType.Video) {
        @Override
        SentMessage send(WeChatSession session, String to, SendMessageRequest request, byte[] bytes)
                throws WeChatException {
            return session.sendVideo(to, request.file().fileName(), bytes);
        }

        @Override
        MessageContent content(SendMessageRequest request, byte[] bytes, String mediaId) {
            return new MessageContent(null, null, null, null, null, null, null, null, null, mediaId, null, null,
                    null, request.file().size(), request.file().fileName(), MediaProbe.mp4Seconds(bytes), null);
        }

        @Override
        int rawMsgType(SendMessageRequest request) {
            return 43;
        }
    };

    private final String apiName;
    private final MessageType type;

    SendKind(String apiName, MessageType type) {
        this.apiName = apiName;
        this.type = type;
    }

    /** The kind a validated request's {@code type} names. */
    static SendKind named(String apiName) {
        for (SendKind kind : values()) {
            if (kind.apiName.equals(apiName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no send kind " + apiName);
    }

    /** The name in {@code /send-message}'s {@code type} and in the driver's {@code capabilities().sends()}. */
    String apiName() {
        return apiName;
    }

    MessageType type() {
        return type;
    }

    /** WeChat's MsgType of the message as the recipient sees it. */
    int rawMsgType(SendMessageRequest request) {
        return 1;
    }

    /** Sends through the driver; {@code bytes} is the uploaded file's content, null for text. */
    abstract SentMessage send(WeChatSession session, String to, SendMessageRequest request, byte[] bytes)
            throws WeChatException;

    /** The event's content; {@code mediaId} is the sent file's id in the media store, null for text or unstored. */
    abstract MessageContent content(SendMessageRequest request, byte[] bytes, String mediaId);
}
