package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code webwxverifyuser} (§11.3): Opcode 3 accepts a friend request with the ticket its type 37 message carried
 * (in {@code VerifyUserTicket}, or in {@code VerifyContent} as classic itchat sends it). The new friend keeps the
 * user name of the request, arrives in the next sync's ModContactList, and WeChat's "你已添加了…" system message
 * follows. Opcode 4 rejects; 2 (send a request) is acknowledged and changes nothing.
 */
public final class VerifyEndpoints {

    private static final int SEND_REQUEST = 2;
    private static final int ACCEPT = 3;
    private static final int REJECT = 4;
    /** "param error" (§14.2): an unknown request or a wrong ticket. */
    private static final int PARAM_ERROR = 1;

    private final Sessions sessions;

    public VerifyEndpoints(Sessions sessions) {
        this.sessions = sessions;
    }

    public Reply verifyUser(Exchange exchange) {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null || !session.isAlive()) {
            return ProtocolJson.loggedOut(session);
        }
        JsonNode body = exchange.json();
        int opcode = (int) Json.number(body, "Opcode", 0);
        if (opcode == SEND_REQUEST) {
            return Reply.protocolJson(ProtocolJson.ok());
        }
        JsonNode item = body.path("VerifyUserList").path(0);
        String userName = Json.text(item, "Value");
        String ticket = Optional.ofNullable(Json.text(item, "VerifyUserTicket")).filter(t -> !t.isEmpty())
                .orElse(Json.text(body, "VerifyContent"));
        if (opcode != ACCEPT && opcode != REJECT) {
            return Reply.protocolJson(ProtocolJson.withBaseResponse(PARAM_ERROR, ""));
        }
        Optional<Session.FriendRequest> request = session.takeFriendRequest(userName);
        if (request.isEmpty() || !request.get().ticket().equals(ticket)) {
            request.ifPresent(wrongTicket -> session.rememberFriendRequest(userName, wrongTicket));
            return Reply.protocolJson(ProtocolJson.withBaseResponse(PARAM_ERROR, ""));
        }
        if (opcode == ACCEPT) {
            Contact friend = request.get().person();
            session.account().addFriend(friend);
            session.contactChanged(ContactChange.modified(friend));
            session.enqueue(WireMessage.ofType(10000, userName, session.selfUserName(),
                    WireText.content("你已添加了" + friend.nickName() + "，现在可以开始聊天了。")));
        }
        return Reply.protocolJson(ProtocolJson.ok());
    }
}
