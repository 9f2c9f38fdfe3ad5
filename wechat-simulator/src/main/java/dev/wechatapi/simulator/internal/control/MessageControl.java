package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Accounts;
import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.accounts.Group;
import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.session.Session;
import dev.wechatapi.simulator.internal.session.Sessions;
import dev.wechatapi.simulator.internal.session.WireMessage;
import dev.wechatapi.simulator.internal.session.WireText;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /control/accounts/{id}/messages}: puts a message into the account's live session, as if a friend
 * wrote, a group member wrote (with the {@code @member:<br/>} prefix), the account's own phone sent one, or a
 * stranger asked to be a friend. {@code kind} picks one of the §8.4 message types; plain text is the default.
 */
public final class MessageControl {

    /** The four-per-em space WeChat puts after an @-mention. */
    private static final String MENTION_END = "\u2005";

    private final Accounts accounts;
    private final Sessions sessions;

    public MessageControl(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public Reply inject(Exchange exchange) {
        Account account = accounts.get(exchange.pathParam("accountId"));
        WireMessage message = inject(account, exchange.json());
        return Reply.json(Json.object()
                .put("msgId", message.msgId())
                .put("newMsgId", message.newMsgId())
                .put("msgType", message.msgType())
                .put("fromUserName", message.fromUserName())
                .put("toUserName", message.toUserName())
                .put("content", message.content())
                .put("mediaId", message.media().mediaId())
                .put("createTime", message.createTime().getEpochSecond()));
    }

    /**
     * Builds a message from a control-API body and puts it into the account's live session.
     *
     * @throws ControlFailure 409 when the account is not logged in, 400 when the body describes no message
     */
    WireMessage inject(Account account, JsonNode body) {
        Session session = sessions.live(account.id())
                .orElseThrow(() -> ControlFailure.conflict("account " + account.id() + " is not logged in"));
        String kind = Json.text(body, "kind") == null ? "text" : Json.text(body, "kind");
        WireMessage message = kind.equals("friendRequest")
                ? NoticeMessages.friendRequest(body, session)
                : build(kind, body, session, envelope(account, session, body, kind.equals("system")));
        session.enqueue(message);
        return message;
    }

    private static WireMessage build(String kind, JsonNode body, Session session, Envelope envelope) {
        return switch (kind) {
            case "text" -> text(body, envelope);
            case "image" -> MediaMessages.image(body, session, envelope);
            case "voice" -> MediaMessages.voice(body, session, envelope);
            case "video" -> MediaMessages.video(body, session, envelope);
            case "emoticon" -> MediaMessages.emoticon(body, session, envelope);
            case "file" -> MediaMessages.file(body, session, envelope);
            case "link" -> NoticeMessages.link(body, envelope);
            case "card" -> NoticeMessages.card(body, session, envelope);
            case "location" -> NoticeMessages.location(body, session, envelope);
            case "system" -> NoticeMessages.system(body, envelope);
            case "recall" -> NoticeMessages.recall(body, envelope);
            default -> throw ControlFailure.badRequest("unknown kind '" + kind + "': text, image, voice, video, emoticon, "
                    + "file, link, card, location, system, recall or friendRequest");
        };
    }

    /** @param noSender system notices come from the chat itself: a group needs no member then */
    private static Envelope envelope(Account account, Session session, JsonNode body, boolean noSender) {
        String self = session.selfUserName();
        if (body.has("group")) {
            Group group = ContactRefs.group(account, session, body.get("group"));
            String groupUserName = session.userName(group.key());
            String mention = body.path("mentionSelf").asBoolean(false) ? mentionOfSelf(account, group) : "";
            if (body.path("fromSelf").asBoolean(false)) {
                // Sent by the account's own phone: no sender prefix (§8.2).
                Contact me = account.self();
                return new Envelope(self, groupUserName, "", mention, me.wxid(), me.nickName(), group.chatroomId());
            }
            if (noSender && !body.has("member")) {
                return new Envelope(groupUserName, self, "", "", "", "", group.chatroomId());
            }
            if (!body.has("member")) {
                throw ControlFailure.badRequest("a group message needs \"member\" (or \"fromSelf\": true)");
            }
            Contact member = ContactRefs.member(account, session, group, body.get("member"));
            // The member's user name already starts with "@": "@3f2a...:<br/>text" (itchat's pattern (@[0-9a-z]*?):<br/>).
            String prefix = session.userName(member.key()) + ":<br/>";
            return new Envelope(groupUserName, self, prefix, mention, member.wxid(), member.nickName(), group.chatroomId());
        }
        if (body.has("from")) {
            Contact from = ContactRefs.person(account, session, body.get("from"), "from");
            return new Envelope(session.userName(from.key()), self, "", "", from.wxid(), from.nickName(), from.wxid());
        }
        if (body.has("to")) {
            Contact to = ContactRefs.person(account, session, body.get("to"), "to");
            Contact me = account.self();
            return new Envelope(self, session.userName(to.key()), "", "", me.wxid(), me.nickName(), to.wxid());
        }
        throw ControlFailure.badRequest("say who writes: \"from\", \"to\", or \"group\" (with \"member\")");
    }

    /** An @-mention the way phones write it: the account's group card (else nick name) and U+2005. */
    private static String mentionOfSelf(Account account, Group group) {
        String card = group.displayNameOf("self");
        return "@" + (card.isEmpty() ? account.self().nickName() : card) + MENTION_END;
    }

    /** {@code content} is taken as wire text verbatim; {@code text} is plain text to encode as WeChat would. */
    private static WireMessage text(JsonNode body, Envelope envelope) {
        int msgType = (int) Json.number(body, "msgType", 1);
        String raw = Json.text(body, "content");
        String content;
        if (raw != null) {
            content = WireText.content(envelope.mention()) + raw;
        } else {
            String text = Json.text(body, "text");
            if (text == null) {
                throw ControlFailure.badRequest("a message needs \"text\" (or raw \"content\")");
            }
            content = WireText.content(envelope.mention() + text);
        }
        return WireMessage.ofType(msgType, envelope.from(), envelope.to(), envelope.prefix() + content);
    }
}
