package dev.wechatapi.simulator.internal.login;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Accounts;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.media.Images;
import dev.wechatapi.simulator.internal.session.Session;
import dev.wechatapi.simulator.internal.session.Sessions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The login host: {@code jslogin} (§2.1), {@code qrcode/<uuid>} (§2.2), the scan-status long poll (§2.3) and
 * {@code webwxnewloginpage} (§2.4), with the exact bodies of §16.2.1–3.
 */
public final class LoginEndpoints {

    private final LoginAttempts attempts;
    private final Accounts accounts;
    private final Sessions sessions;
    private final Duration pollHold;
    private final URI publicBaseUrl;
    private final UosGate uosGate;

    /** @param publicBaseUrl the origin put in redirect_uri; null to use the Host the client connected to */
    public LoginEndpoints(LoginAttempts attempts, Accounts accounts, Sessions sessions, Duration pollHold, URI publicBaseUrl,
            UosGate uosGate) {
        this.uosGate = uosGate;
        this.attempts = attempts;
        this.accounts = accounts;
        this.sessions = sessions;
        this.pollHold = pollHold;
        this.publicBaseUrl = publicBaseUrl;
    }

    public Reply jsLogin(Exchange exchange) {
        // wechat4u does not encode its redirect_uri, so "mod=desktop" may arrive as a parameter of its own.
        String query = URLDecoder.decode(exchange.rawQuery().replace("+", "%2B"), StandardCharsets.UTF_8);
        LoginAttempt attempt = attempts.create(query.contains("mod=desktop"));
        return Reply.javascript("window.QRLogin.code = 200; window.QRLogin.uuid = \"" + attempt.uuid() + "\";");
    }

    /**
     * {@code webwxpushloginurl?uin=…} (§2.7): with the {@code webwx_auth_ticket} cookie of an earlier login of that
     * account, the phone gets a confirmation prompt instead of a QR code, and the answer is {@code {"ret": "0",
     * "msg": "all ok", "uuid": …}} (ret a string) for the client to poll as after a scan. Without a known account or
     * ticket it answers {@code ret "1"} and no uuid (the reference has no capture of a refusal; clients only check
     * for "0").
     */
    public Reply pushLoginUrl(Exchange exchange) {
        String uinText = exchange.query("uin") != null ? exchange.query("uin") : exchange.cookie("wxuin");
        Account account = parseUin(uinText).flatMap(accounts::byUin).orElse(null);
        if (account == null || !sessions.issuedAuthTicket(account, exchange.cookie("webwx_auth_ticket"))) {
            return pushAnswer("1", "push login not allowed", "");
        }
        boolean desktop = "desktop".equals(exchange.query("mod"));
        LoginAttempt attempt = attempts.createPush(account.id(), desktop);
        return pushAnswer("0", "all ok", attempt.uuid());
    }

    private static Reply pushAnswer(String ret, String message, String uuid) {
        return Reply.protocolJson(Json.object().put("ret", ret).put("msg", message).put("uuid", uuid));
    }

    private static Optional<Long> parseUin(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    public Reply qrCode(Exchange exchange) {
        return attempts.find(exchange.pathParam("uuid"))
                .map(attempt -> Reply.bytes("image/jpeg", Images.qrCode("https://login.weixin.qq.com/l/" + attempt.uuid())))
                .orElseGet(() -> Reply.text(404, ""));
    }

    /** Holds until the state changes or the hold ends; a state the client was already told is not repeated. */
    public Reply poll(Exchange exchange) throws InterruptedException {
        LoginAttempt attempt = attempts.find(exchange.query("uuid")).orElse(null);
        if (attempt == null) {
            return Reply.javascript("window.code=400;");
        }
        Instant deadline = Instant.now().plus(pollHold);
        if (attempt.expiresAt().isBefore(deadline)) {
            deadline = attempt.expiresAt();
        }
        while (true) {
            long seen = attempt.changes().version();
            switch (attempt.state()) {
                case EXPIRED -> {
                    return Reply.javascript("window.code=400;");
                }
                case CONFIRMED -> {
                    return Reply.javascript("window.code=200;\nwindow.redirect_uri=\"" + redirectUri(exchange, attempt) + "\";");
                }
                case SCANNED -> {
                    if (attempt.takeScanReport()) {
                        String avatar = Base64.getEncoder().encodeToString(Images.avatar(avatarSeed(attempt)));
                        return Reply.javascript("window.code=201;window.userAvatar = 'data:img/jpg;base64," + avatar + "';");
                    }
                }
                case WAITING -> {
                    // nothing to report yet
                }
            }
            if (!attempt.changes().awaitChange(seen, deadline)) {
                return Reply.javascript(attempt.state() == LoginAttempt.State.EXPIRED ? "window.code=400;" : "window.code=408;");
            }
        }
    }

    public Reply newLoginPage(Exchange exchange) {
        LoginAttempt attempt = attempts.byTicket(exchange.query("ticket")).orElse(null);
        boolean desktop = (attempt != null && attempt.desktopMode())
                || exchange.header("extspam") != null
                || exchange.header("client-version") != null;
        // UOS clients without version=v2 get 301 with no Location (wechat4u accepts nothing else); web mode gets 200.
        int status = desktop && !"v2".equals(exchange.query("version")) ? 301 : 200;
        if (attempt == null || (exchange.query("uuid") != null && !exchange.query("uuid").equals(attempt.uuid()))) {
            return xml(status, "<error><ret>-14</ret><message>ticket error</message></error>");
        }
        Account account = accounts.get(attempt.accountId());
        if (!uosGate.admits(exchange.header("extspam"))) {
            return xml(status, "<error><ret>1203</ret><message>" + UosGate.REFUSAL + "</message></error>");
        }
        if (account.loginBlockedMessage() != null) {
            return xml(status, "<error><ret>1203</ret><message>" + account.loginBlockedMessage() + "</message></error>");
        }
        Session session = sessionFor(attempt, account);
        Reply reply = xml(status, "<error><ret>0</ret><message></message><skey>" + session.skey() + "</skey><wxsid>"
                + session.sid() + "</wxsid><wxuin>" + account.uin() + "</wxuin><pass_ticket>" + session.passTicket()
                + "</pass_ticket><isgrayscale>1</isgrayscale></error>");
        for (String cookie : LoginCookies.forLogin(session, exchange.hostHeader())) {
            reply = reply.withHeader("Set-Cookie", cookie);
        }
        return reply;
    }

    /** A ticket opens one session; asking again with it (a client retrying) gets the same credentials. */
    private Session sessionFor(LoginAttempt attempt, Account account) {
        synchronized (attempt) {
            Session session = attempt.session();
            if (session == null) {
                session = sessions.open(account);
                attempt.session(session);
            }
            return session;
        }
    }

    private String redirectUri(Exchange exchange, LoginAttempt attempt) {
        String origin = publicBaseUrl != null ? stripSlash(publicBaseUrl.toString()) : "http://" + exchange.hostHeader();
        long scan = attempt.scannedAt() == null ? Instant.now().getEpochSecond() : attempt.scannedAt().getEpochSecond();
        return origin + "/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=" + attempt.ticket() + "&uuid=" + attempt.uuid()
                + "&lang=zh_CN&scan=" + scan;
    }

    private String avatarSeed(LoginAttempt attempt) {
        return accounts.find(attempt.accountId()).map(account -> account.self().wxid()).orElse(attempt.uuid());
    }

    private static Reply xml(int status, String body) {
        return new Reply(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
