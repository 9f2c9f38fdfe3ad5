package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.SentRecord;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code webwxrevokemsg} (§9.7): takes back a message this account sent, by the {@code SvrMsgId} its send answered
 * with, within WeChat's two minutes; later the answer is {@code Ret -1} with empty strings. The revocation is
 * recorded for the control API, and the account's web session receives the recall notice (MsgType 10002,
 * {@code 你撤回了一条消息}) that WeChat puts in the sender's own message stream.
 */
public final class RevokeEndpoints {

    static final String INTRODUCTION = "你可以撤回2分钟内发送的消息（部分旧版本微信不支持这个功能）。";
    static final String SYS_WORDING = "已撤回";
    private static final int TOO_LATE = -1;
    private static final int PARAM_ERROR = 1;

    private final Sessions sessions;
    private final Duration window;

    /** @param window how long after sending a message may be taken back (WeChat: two minutes) */
    public RevokeEndpoints(Sessions sessions, Duration window) {
        this.sessions = sessions;
        this.window = window;
    }

    public Reply revoke(Exchange exchange) {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null || !session.isAlive()) {
            return ProtocolJson.loggedOut(session);
        }
        Account account = session.account();
        JsonNode body = exchange.json();
        String svrMsgId = Optional.ofNullable(Json.text(body, "SvrMsgId")).orElse("");
        String toUserName = Optional.ofNullable(Json.text(body, "ToUserName")).orElse("");
        Optional<SentRecord> sent = account.sentMessage(svrMsgId)
                .filter(record -> toUserName.isEmpty() || record.toUserName().equals(toUserName));
        if (sent.isEmpty()) {
            return Reply.protocolJson(answer(PARAM_ERROR, "", ""));
        }
        Instant now = Instant.now();
        if (Duration.between(sent.get().time(), now).compareTo(window) > 0) {
            return Reply.protocolJson(answer(TOO_LATE, "", ""));
        }
        if (account.markRevoked(svrMsgId, now)) {
            session.enqueue(recallNotice(session, sent.get()));
        }
        return Reply.protocolJson(answer(0, INTRODUCTION, SYS_WORDING));
    }

    /** What the sender's own devices see: from self to the chat, {@code <replacemsg>} in the second person. */
    private static WireMessage recallNotice(Session session, SentRecord sent) {
        Account account = session.account();
        String chatId = account.group(sent.toKey()).map(group -> group.chatroomId())
                .or(() -> account.contact(sent.toKey()).map(contact -> contact.wxid()))
                .orElse(sent.toUserName());
        String xml = "<sysmsg type=\"revokemsg\"><revokemsg><session>" + chatId + "</session><oldmsgid>"
                + (1_000_000_000L + MessageIds.next() % 1_000_000_000L) + "</oldmsgid><msgid>" + sent.msgId()
                + "</msgid><newmsgid>" + sent.msgId() + "</newmsgid><replacemsg><![CDATA[你撤回了一条消息]]></replacemsg>"
                + "</revokemsg></sysmsg>";
        return WireMessage.ofType(10002, session.selfUserName(), sent.toUserName(), WireText.escape(xml));
    }

    private static ObjectNode answer(int ret, String introduction, String sysWording) {
        ObjectNode json = ProtocolJson.withBaseResponse(ret, "");
        json.put("Introduction", introduction);
        json.put("SysWording", sysWording);
        return json;
    }
}
