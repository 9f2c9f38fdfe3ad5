package dev.wechatapi.handlers;

import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.Direction;
import dev.wechatapi.events.MessageContent;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.events.Party;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One message handed to a {@link MessageHandler}: what the archive stores about it, and {@link #reply} to answer
 * in the same chat through the gateway.
 *
 * <pre>{@code
 * if (message.isAt() || !message.isGroupMessage()) {
 *     message.reply("echo: " + message.text());
 * }
 * }</pre>
 *
 * A message is identified by {@link #uniqueId()} (app, direction and WeChat's message id): the same message
 * delivered twice has the same unique id.
 */
public final class IncomingMessage {

    private static final MessageContent NO_CONTENT = new MessageContent(null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);

    private final MessageEvent event;
    private final TextSender replies;
    private final URI mediaBase;

    /**
     * @param replies how {@link #reply} sends
     * @param gatewayUrl base URL of the gateway, for {@link #mediaUrl()}; null when unknown
     */
    public IncomingMessage(MessageEvent event, TextSender replies, URI gatewayUrl) {
        this.event = Objects.requireNonNull(event, "event");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.mediaBase = gatewayUrl == null
                ? null
                : URI.create(gatewayUrl.toString().replaceAll("/+$", "") + "/media/");
    }

    /** A message whose replies go to {@code replies} and that knows no gateway URL: for tests of handlers. */
    public static IncomingMessage of(MessageEvent event, TextSender replies) {
        return new IncomingMessage(event, replies, null);
    }

    /** WeChat's id of the message, as {@code id} in the REST API's {@code /messages}. */
    public long id() {
        return event.msgId();
    }

    /**
     * The identity of this message, unique across apps and directions, equal to the id of its CloudEvent:
     * {@code msg:<app id>:<received|sent>:<id>}. Keep it to recognise a message delivered twice.
     */
    public String uniqueId() {
        return "msg:" + event.appId() + ":" + event.direction().name().toLowerCase(Locale.ROOT) + ":" + event.msgId();
    }

    public String appId() {
        return event.appId();
    }

    public Direction direction() {
        return event.direction();
    }

    /** Whether the account itself sent this message (through the API or from another device). */
    public boolean isSent() {
        return event.direction() == Direction.SENT;
    }

    public MessageType type() {
        return event.type();
    }

    /** WeChat's raw {@code MsgType}. */
    public int rawMsgType() {
        return event.rawMsgType();
    }

    /** Who wrote it: a friend, the group of a group message, an official account, or the account itself. */
    public Party sender() {
        return event.sender();
    }

    public Party receiver() {
        return event.receiver();
    }

    public String senderPuid() {
        return event.sender() == null ? null : event.sender().puid();
    }

    public String receiverPuid() {
        return event.receiver() == null ? null : event.receiver().puid();
    }

    public ContactKind senderKind() {
        return event.sender() == null ? null : event.sender().kind();
    }

    public ContactKind receiverKind() {
        return event.receiver() == null ? null : event.receiver().kind();
    }

    /** The chat this message belongs to: the other side of a private chat, or the group. Replies go there. */
    public Party chat() {
        return isSent() ? event.receiver() : event.sender();
    }

    /** Whether the message was written in a group chat. */
    public boolean isGroupMessage() {
        Party chat = chat();
        return chat != null && chat.kind() == ContactKind.GROUP;
    }

    /** Puid of the group member who wrote a received group message, else null. */
    public String member() {
        return event.member();
    }

    /** The name the member uses in the group, else null. */
    public String memberName() {
        return event.memberName();
    }

    /** Whether a received group message mentions the account. */
    public boolean isAt() {
        return event.isAt();
    }

    /** The type-specific fields; those the type does not have are null. Never null itself. */
    public MessageContent content() {
        return event.content() == null ? NO_CONTENT : event.content();
    }

    /** The text of a Text, Map, Sharing or Note message, else null. */
    public String text() {
        return content().text();
    }

    /** When WeChat says the message was written. */
    public Instant createTime() {
        return event.createTime();
    }

    /** When the session service received it. */
    public Instant receiveTime() {
        return event.receiveTime();
    }

    /** Media store id of the picture, voice, video or file, else null. */
    public String mediaId() {
        return content().mediaId();
    }

    /**
     * The gateway URL of the media ({@code <gateway>/media/<media id>}, fetched with the app's token), when the
     * message has media and the gateway is known.
     */
    public Optional<URI> mediaUrl() {
        String mediaId = mediaId();
        if (mediaId == null || mediaId.isEmpty() || mediaBase == null) {
            return Optional.empty();
        }
        return Optional.of(mediaBase.resolve(URLEncoder.encode(mediaId, StandardCharsets.UTF_8).replace("+", "%20")));
    }

    /** The message as the event contract carries it. */
    public MessageEvent event() {
        return event;
    }

    /**
     * Sends {@code text} to {@link #chat()} from the account; returns the id of the sent message.
     *
     * @throws GatewayException when the gateway refuses or cannot be reached
     */
    public long reply(String text) {
        Party chat = chat();
        if (chat == null || chat.puid() == null) {
            throw new IllegalStateException("message " + uniqueId() + " has no chat to reply to");
        }
        return replies.sendText(chat.puid(), text);
    }

    @Override
    public String toString() {
        return "IncomingMessage[" + uniqueId() + ", " + event.type() + " from " + senderPuid() + "]";
    }
}
