package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Accounts;
import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.session.Sessions;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The account side of the control API: create, look at, log out, make sends fail, and see what was sent. */
public final class AccountControl {

    private static final Set<Integer> LOGOUT_RETCODES = Set.of(1100, 1101, 1102);

    private final Accounts accounts;
    private final Sessions sessions;

    public AccountControl(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public Reply create(Exchange exchange) {
        JsonNode spec = exchange.json();
        if (spec.isMissingNode() && !exchange.bodyText().isBlank()) {
            throw ControlFailure.badRequest("the body is not JSON");
        }
        Account account = accounts.create(spec);
        return Reply.json(201, AccountView.full(account, null));
    }

    public Reply list(Exchange exchange) {
        ArrayNode json = Json.array();
        accounts.all().forEach(account -> json.add(AccountView.summary(account, sessions.live(account.id()).orElse(null))));
        return Reply.json(json);
    }

    public Reply show(Exchange exchange) {
        Account account = account(exchange);
        return Reply.json(AccountView.full(account, sessions.live(account.id()).orElse(null)));
    }

    public Reply sent(Exchange exchange) {
        return Reply.json(AccountView.sent(account(exchange)));
    }

    /** Ends the live session as the phone would; synccheck then answers the chosen retcode (default 1101). */
    public Reply logout(Exchange exchange) {
        Account account = account(exchange);
        int retcode = (int) Json.number(exchange.json(), "retcode", Sessions.LOGGED_OUT);
        if (!LOGOUT_RETCODES.contains(retcode)) {
            throw ControlFailure.badRequest("retcode must be 1100, 1101 or 1102");
        }
        boolean ended = sessions.end(account.id(), retcode);
        return Reply.json(Json.object().put("accountId", account.id()).put("loggedOut", ended).put("retcode", retcode));
    }

    /** {@code {"ret": 1205, "count": 1}}: the next sends answer that Ret instead of succeeding. */
    public Reply failSends(Exchange exchange) {
        Account account = account(exchange);
        JsonNode body = exchange.json();
        int ret = (int) Json.number(body, "ret", 1205);
        int count = (int) Json.number(body, "count", 1);
        if (ret == 0 || count < 1) {
            throw ControlFailure.badRequest("ret must be non-zero and count at least 1");
        }
        account.failNextSends(ret, count);
        return Reply.json(Json.object().put("accountId", account.id()).put("ret", ret).put("count", count));
    }

    /** {@code {"message": "..."}}: webwxnewloginpage answers ret 1203 with it; {@code null} lifts the block. */
    public Reply blockLogin(Exchange exchange) {
        Account account = account(exchange);
        String message = Json.text(exchange.json(), "message");
        account.blockLogin(message == null || message.isEmpty() ? null : message);
        return Reply.json(Json.object().put("accountId", account.id()).put("loginBlocked", message));
    }

    private Account account(Exchange exchange) {
        return accounts.get(exchange.pathParam("accountId"));
    }
}
