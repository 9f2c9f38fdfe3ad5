package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.SentRecord;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code webwxsendmsg} (§9.1, §16.2.10), {@code webwxlogout} (§11.1, §16.2.13) and the calls answered with a plain OK. */
public final class SendEndpoints {

    /** WeChat's "not a friend" answer, also given for a user name this session never handed out. */
    private static final int NOT_A_CONTACT = 1204;

    private final Sessions sessions;

    public SendEndpoints(Sessions sessions) {
        this.sessions = sessions;
    }

    public Reply sendMessage(Exchange exchange) {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null || !session.isAlive()) {
            return ProtocolJson.loggedOut(session);
        }
        Account account = session.account();
        JsonNode msg = exchange.json().path("Msg");
        String localId = Optional.ofNullable(Json.text(msg, "LocalID")).orElse(Json.text(msg, "ClientMsgId"));
        Optional<Integer> failure = account.takeSendFailure();
        if (failure.isPresent()) {
            return Reply.protocolJson(sendAnswer(failure.get(), "", ""));
        }
        String toUserName = Optional.ofNullable(Json.text(msg, "ToUserName")).orElse("");
        Optional<String> key = session.keyOf(toUserName);
        if (key.isEmpty()) {
            return Reply.protocolJson(sendAnswer(NOT_A_CONTACT, "", ""));
        }
        String msgId = Long.toString(MessageIds.next());
        account.recordSent(new SentRecord(
                msgId,
                localId == null ? "" : localId,
                (int) Json.number(msg, "Type", 1),
                toUserName,
                key.get(),
                recipientName(account, key.get()),
                recipientKind(account, key.get()),
                Optional.ofNullable(Json.text(msg, "Content")).orElse(""),
                Instant.now()));
        return Reply.protocolJson(sendAnswer(0, msgId, localId == null ? "" : localId));
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
