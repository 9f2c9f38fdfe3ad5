package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Accounts;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Live and ended sessions, found by any credential a client happens to send (§16.2.15): the BaseRequest body,
 * the {@code sid}/{@code skey}/{@code uin} query parameters, or the {@code wxsid}/{@code wxuin} cookies.
 */
public final class Sessions {

    /** What synccheck and Ret answer for a session that ended or was never known. */
    public static final int LOGGED_OUT = 1101;

    private final Accounts accounts;
    private final Map<String, Session> bySid = new ConcurrentHashMap<>();
    private final Map<String, Session> bySkey = new ConcurrentHashMap<>();
    private final Map<String, Session> current = new ConcurrentHashMap<>();

    public Sessions(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Starts a new login of the account; its previous web session ends, as a second web login does for real. */
    public Session open(Account account) {
        var session = new Session(account);
        bySid.put(session.sid(), session);
        bySkey.put(session.skey(), session);
        Session previous = current.put(account.id(), session);
        if (previous != null) {
            previous.end(LOGGED_OUT);
        }
        return session;
    }

    /** The account's live session, if it is logged in. */
    public Optional<Session> live(String accountId) {
        return Optional.ofNullable(current.get(accountId)).filter(Session::isAlive);
    }

    /** Ends the account's session (the phone logged the web client out); false when it was not logged in. */
    public boolean end(String accountId, int retcode) {
        Session session = current.get(accountId);
        if (session == null || !session.isAlive()) {
            return false;
        }
        session.end(retcode);
        return true;
    }

    /** Whether a login of the account handed out this {@code webwx_auth_ticket} cookie (push login relies on it). */
    public boolean issuedAuthTicket(Account account, String authTicket) {
        return authTicket != null && bySid.values().stream()
                .anyMatch(session -> session.account() == account && session.authTicket().equals(authTicket));
    }

    public void endAll() {
        current.values().forEach(session -> session.end(LOGGED_OUT));
    }

    /** The session a request belongs to, live or ended; empty when no credential matches anything. */
    public Optional<Session> of(Exchange exchange) {
        return of(exchange, exchange.json().path("BaseRequest"));
    }

    /**
     * The same with the BaseRequest found elsewhere (uploads carry it inside a form field), also recognising
     * the file host's {@code webwx_data_ticket} parameter or cookie.
     */
    public Optional<Session> of(Exchange exchange, JsonNode base) {
        for (String sid : new String[] {Json.text(base, "Sid"), exchange.query("sid"), exchange.cookie("wxsid")}) {
            if (sid != null && bySid.containsKey(sid)) {
                return Optional.of(bySid.get(sid));
            }
        }
        for (String skey : new String[] {Json.text(base, "Skey"), exchange.query("skey")}) {
            if (skey != null && bySkey.containsKey(skey)) {
                return Optional.of(bySkey.get(skey));
            }
        }
        for (String ticket : new String[] {exchange.query("webwx_data_ticket"), exchange.cookie("webwx_data_ticket")}) {
            Optional<Session> owner = bySid.values().stream().filter(s -> s.dataTicket().equals(ticket)).findFirst();
            if (owner.isPresent()) {
                return owner;
            }
        }
        long uin = Json.number(base, "Uin", parseUin(exchange.query("uin"), parseUin(exchange.cookie("wxuin"), 0)));
        return accounts.byUin(uin).map(account -> current.get(account.id()));
    }

    private static long parseUin(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
