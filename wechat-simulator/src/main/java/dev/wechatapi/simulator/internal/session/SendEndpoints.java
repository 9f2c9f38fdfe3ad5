package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.SentRecord;
import dev.wechatapi.simulator.internal.accounts.SentRecord.SentFile;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.media.StoredMedia;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The send endpoints (§9.1, §9.3–9.6, §16.2.10), routed by URL rather than by {@code Msg.Type} (openwechat sends
 * Type 1 to webwxsendemoticon), {@code webwxlogout} (§11.1, §16.2.13) and the calls answered with a plain OK.
 */
public final class SendEndpoints {

    /** WeChat's "not a friend" answer, also given for a user name this session never handed out. */
    private static final int NOT_A_CONTACT = 1204;
    /** "param error" (§14.2): a MediaId this session never handed out. */
    private static final int PARAM_ERROR = 1;
    private static final Pattern ATTACH_ID = Pattern.compile("<attachid>\\s*(.*?)\\s*</attachid>", Pattern.DOTALL);

    private final Sessions sessions;

    public SendEndpoints(Sessions sessions) {
        this.sessions = sessions;
    }

    public Reply sendMessage(Exchange exchange) {
        return send(exchange, "text", (session, msg) -> Optional.empty());
    }

    public Reply sendImage(Exchange exchange) {
        return send(exchange, "image", (session, msg) -> uploaded(session, Json.text(msg, "MediaId")));
    }

    public Reply sendVideo(Exchange exchange) {
        return send(exchange, "video", (session, msg) -> uploaded(session, Json.text(msg, "MediaId")));
    }

    /** The MediaId travels inside the appmsg XML as {@code <attachid>} (§9.5). */
    public Reply sendAppMessage(Exchange exchange) {
        return send(exchange, "file", (session, msg) -> {
            Matcher attachId = ATTACH_ID.matcher(Optional.ofNullable(Json.text(msg, "Content")).orElse(""));
            return uploaded(session, attachId.find() ? attachId.group(1) : null);
        });
    }

    /** An uploaded GIF by MediaId, or a store sticker by {@code EMoticonMd5} (no bytes involved). */
    public Reply sendEmoticon(Exchange exchange) {
        return send(exchange, "emoticon", (session, msg) -> {
            String mediaId = Json.text(msg, "MediaId");
            if ((mediaId == null || mediaId.isEmpty()) && Json.text(msg, "EMoticonMd5") != null) {
                return Optional.of(new Attachment(null, null));
            }
            return uploaded(session, mediaId);
        });
    }

    public Reply logout(Exchange exchange) {
        sessions.of(exchange).filter(Session::isAlive).ifPresent(session -> session.end(Sessions.LOGGED_OUT));
        // openwechat parses the answer as JSON; itchat and wechat4u ignore it.
        return Reply.protocolJson(ProtocolJson.ok());
    }

    /** Calls clients make that change nothing the simulator models (stat reports, url checks, previews). */
    public Reply acknowledge(Exchange exchange) {
        return Reply.protocolJson(ProtocolJson.ok());
    }

    /** The media a send refers to; empty for text, an attachment with null media when the MediaId is unknown. */
    private interface MediaOf {
        Optional<Attachment> find(Session session, JsonNode msg);
    }

    private record Attachment(String mediaId, StoredMedia media) {}

    private static Optional<Attachment> uploaded(Session session, String mediaId) {
        return Optional.of(new Attachment(mediaId == null ? "" : mediaId, session.mediaById(mediaId).orElse(null)));
    }

    private Reply send(Exchange exchange, String kind, MediaOf mediaOf) {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null || !session.isAlive()) {
            return ProtocolJson.loggedOut(session);
        }
        Account account = session.account();
        JsonNode msg = exchange.json().path("Msg");
        String localId = Optional.ofNullable(Json.text(msg, "LocalID")).or(() -> Optional.ofNullable(Json.text(msg, "ClientMsgId")))
                .orElse("");
        Optional<Integer> failure = account.takeSendFailure();
        if (failure.isPresent()) {
            return Reply.protocolJson(sendAnswer(failure.get(), "", ""));
        }
        String toUserName = Optional.ofNullable(Json.text(msg, "ToUserName")).orElse("");
        Optional<String> key = session.keyOf(toUserName);
        if (key.isEmpty()) {
            return Reply.protocolJson(sendAnswer(NOT_A_CONTACT, "", ""));
        }
        Optional<Attachment> attachment = mediaOf.find(session, msg);
        if (attachment.isPresent() && attachment.get().mediaId() != null && attachment.get().media() == null) {
            return Reply.protocolJson(sendAnswer(PARAM_ERROR, "", ""));
        }
        SentFile file = attachment.filter(a -> a.media() != null)
                .map(a -> new SentFile(a.mediaId(), a.media().fileName(), a.media().bytes().length, a.media().sha256(),
                        a.media().contentType()))
                .orElse(null);
        String msgId = Long.toString(MessageIds.next());
        account.recordSent(new SentRecord(
                msgId,
                localId,
                kind,
                (int) Json.number(msg, "Type", 1),
                toUserName,
                key.get(),
                recipientName(account, key.get()),
                recipientKind(account, key.get()),
                Optional.ofNullable(Json.text(msg, "Content")).orElse(""),
                file,
                Instant.now()));
        return Reply.protocolJson(sendAnswer(0, msgId, localId));
    }

    private static ObjectNode sendAnswer(int ret, String msgId, String localId) {
        ObjectNode json = ProtocolJson.withBaseResponse(ret, "");
        json.put("MsgID", msgId);
        json.put("LocalID", localId);
        return json;
    }

    private static String recipientName(Account account, String key) {
        return account.group(key)
                .map(group -> group.topic())
                .or(() -> account.contact(key).map(contact -> contact.nickName()))
                .orElse(key);
    }

    private static String recipientKind(Account account, String key) {
        if (account.group(key).isPresent()) {
            return "group";
        }
        return account.contact(key).map(contact -> contact.kind().name().toLowerCase(Locale.ROOT)).orElse("unknown");
    }
}
