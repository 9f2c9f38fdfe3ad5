package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.accounts.Accounts;
import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.login.LoginAttempt;
import dev.wechatapi.simulator.internal.login.LoginAttempts;
import dev.wechatapi.simulator.internal.login.UosGate;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The phone's side of a QR login: scan (as an account), confirm, or let the code expire. */
public final class QrControl {

    private final LoginAttempts attempts;
    private final Accounts accounts;
    private final UosGate uosGate;

    public QrControl(LoginAttempts attempts, Accounts accounts, UosGate uosGate) {
        this.attempts = attempts;
        this.accounts = accounts;
        this.uosGate = uosGate;
    }

    /** {@code GET /control/uos-gate}: {@code {"required": true|false}}. */
    public Reply uosGate(Exchange exchange) {
        return Reply.json(Json.object().put("required", uosGate.required()));
    }

    /** {@code POST /control/uos-gate} {@code {"required": true}}: from now on logins need the UOS extspam header. */
    public Reply requireUosGate(Exchange exchange) {
        JsonNode required = exchange.json().path("required");
        if (!required.isBoolean()) {
            throw ControlFailure.badRequest("say {\"required\": true} or {\"required\": false}");
        }
        uosGate.require(required.asBoolean());
        return uosGate(exchange);
    }

    public Reply list(Exchange exchange) {
        String wanted = exchange.query("state");
        ArrayNode json = Json.array();
        attempts.all().stream()
                .filter(attempt -> wanted == null || state(attempt).equals(wanted))
                .forEach(attempt -> json.add(view(attempt)));
        return Reply.json(json);
    }

    public Reply show(Exchange exchange) {
        return Reply.json(view(attempt(exchange)));
    }

    /** {@code {"accountId": ..., "confirm": false}}; with confirm true the code is confirmed at once. */
    public Reply scan(Exchange exchange) {
        LoginAttempt attempt = attempt(exchange);
        String accountId = Json.text(exchange.json(), "accountId");
        if (accountId == null) {
            throw ControlFailure.badRequest("say which account scans: {\"accountId\": ...}");
        }
        accounts.get(accountId);
        attempt.scan(accountId);
        if (exchange.json().path("confirm").asBoolean(false)) {
            attempt.confirm();
        }
        return Reply.json(view(attempt));
    }

    public Reply confirm(Exchange exchange) {
        LoginAttempt attempt = attempt(exchange);
        attempt.confirm();
        return Reply.json(view(attempt));
    }

    public Reply expire(Exchange exchange) {
        LoginAttempt attempt = attempt(exchange);
        attempt.expire();
        return Reply.json(view(attempt));
    }

    /** {@code POST /control/accounts/{id}/push-login/confirm}: the phone taps "log in" on the push prompt. */
    public Reply confirmPush(Exchange exchange) {
        String accountId = accounts.get(exchange.pathParam("accountId")).id();
        LoginAttempt attempt = attempts.pendingPush(accountId)
                .orElseThrow(() -> ControlFailure.conflict("no push login of " + accountId + " is waiting for the phone"));
        attempt.confirm();
        return Reply.json(view(attempt));
    }

    private LoginAttempt attempt(Exchange exchange) {
        return attempts.get(exchange.pathParam("uuid"));
    }

    private static ObjectNode view(LoginAttempt attempt) {
        return Json.object()
                .put("uuid", attempt.uuid())
                .put("state", state(attempt))
                .put("accountId", attempt.accountId())
                .put("desktopMode", attempt.desktopMode())
                .put("push", attempt.push())
                .put("createdAt", attempt.createdAt().toString())
                .put("expiresAt", attempt.expiresAt().toString());
    }

    private static String state(LoginAttempt attempt) {
        return attempt.state().name().toLowerCase(Locale.ROOT);
    }
}
