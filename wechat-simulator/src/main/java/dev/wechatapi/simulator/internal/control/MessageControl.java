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
 * wrote, a group member wrote (with the {@code @member:<br/>} prefix), or the account's own phone sent one.
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
        Session session = sessions.live(account.id())
                .orElseThrow(() -> ControlFailure.conflict("account " + account.id() + " is not logged in"));
        JsonNode body = exchange.json();
        String self = session.selfUserName();
        WireMessage message;
        if (body.has("group")) {
            message = groupMessage(account, session, body);
        } else if (body.has("from")) {
            Contact from = ContactRefs.person(account, session, body.get("from"), "from");
            message = build(body, session.userName(from.key()), self, content(body, ""));
        } else if (body.has("to")) {
            Contact to = ContactRefs.person(account, session, body.get("to"), "to");
            message = build(body, self, session.userName(to.key()), content(body, ""));
        } else {
            throw ControlFailure.badRequest("say who writes: \"from\", \"to\", or \"group\" (with \"member\")");
        }
        session.enqueue(message);
        return Reply.json(Json.object()
                .put("msgId", message.msgId())
                .put("newMsgId", message.newMsgId())
                .put("fromUserName", message.fromUserName())
                .put("toUserName", message.toUserName())
                .put("content", message.content())
                .put("createTime", message.createTime().getEpochSecond()));
    }

    private WireMessage groupMessage(Account account, Session session, JsonNode body) {
        Group group = ContactRefs.group(account, session, body.get("group"));
        String groupUserName = session.userName(group.key());
        String mention = body.path("mentionSelf").asBoolean(false) ? mentionOfSelf(account, group) : "";
        if (body.path("fromSelf").asBoolean(false)) {
            // Sent by the account's own phone: no sender prefix (§8.2).
            return build(body, session.selfUserName(), groupUserName, content(body, mention));
        }
        if (!body.has("member")) {
            throw ControlFailure.badRequest("a group message needs \"member\" (or \"fromSelf\": true)");
        }
        Contact member = ContactRefs.member(account, session, group, body.get("member"));
        // The member's user name already starts with "@": "@3f2a...:<br/>text" (itchat's pattern (@[0-9a-z]*?):<br/>).
        String prefix = session.userName(member.key()) + ":<br/>";
        return build(body, groupUserName, session.selfUserName(), prefix + content(body, mention));
    }

    /** An @-mention the way phones write it: the account's group card (else nick name) and U+2005. */
    private static String mentionOfSelf(Account account, Group group) {
        String card = group.displayNameOf("self");
        return "@" + (card.isEmpty() ? account.self().nickName() : card) + MENTION_END;
    }

    private static WireMessage build(JsonNode body, String from, String to, String content) {
        int msgType = (int) Json.number(body, "msgType", 1);
        return msgType == 1 ? WireMessage.text(from, to, content) : WireMessage.ofType(msgType, from, to, content);
    }

    /** {@code content} is taken as wire text verbatim; {@code text} is plain text to encode as WeChat would. */
    private static String content(JsonNode body, String mention) {
        String raw = Json.text(body, "content");
        if (raw != null) {
            return WireText.content(mention) + raw;
        }
        String text = Json.text(body, "text");
        if (text == null) {
            throw ControlFailure.badRequest("a message needs \"text\" (or raw \"content\")");
        }
        return WireText.content(mention + text);
    }
}
