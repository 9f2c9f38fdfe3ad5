package dev.wechatapi.wechat;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Everything a driver needs to carry on a live session in another process without a QR scan (§12 "hot reload"):
 * the login's credentials, hosts, cookies, device id and position in the message stream. It is a secret: whoever
 * holds it can act as the account until WeChat ends the session.
 *
 * <pre>{@code
 * SessionCredentials saved = session.credentials();           // store it (records serialise with Jackson or Java)
 * WeChatSession again = newDriver.resume(saved);             // after a restart; LoggedOut if the phone ended it
 * }</pre>
 *
 * @param driver the driver that issued it ("web")
 * @param syncKey the position webwxsync continues from; {@code syncCheckKey} the one synccheck polls with
 * @param selfUserName the account's user name in this session
 */
public record SessionCredentials(
        String driver,
        long uin,
        String sid,
        String skey,
        String passTicket,
        String deviceId,
        URI mainHost,
        URI fileHost,
        URI pushHost,
        List<Cookie> cookies,
        List<SyncKeyEntry> syncKey,
        List<SyncKeyEntry> syncCheckKey,
        String selfUserName,
        Instant issuedAt) implements Serializable {

    public SessionCredentials {
        cookies = List.copyOf(cookies);
        syncKey = List.copyOf(syncKey);
        syncCheckKey = List.copyOf(syncCheckKey);
    }

    /** A cookie of the login; {@code hostOnly} cookies go back to exactly {@code domain}. */
    public record Cookie(String name, String value, String domain, String path, long expiresAtMillis, boolean secure,
            boolean httpOnly, boolean hostOnly) implements Serializable {}

    /** One {@code Key}/{@code Val} pair of a SyncKey. */
    public record SyncKeyEntry(long key, long val) implements Serializable {}

    /** Hides the secrets, so credentials never end up in a log by accident. */
    @Override
    public String toString() {
        return "SessionCredentials[driver=" + driver + ", uin=" + uin + ", mainHost=" + mainHost + ", issuedAt=" + issuedAt + "]";
    }
}
