package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.SessionCredentials;
import dev.wechatapi.wechat.WeChatException;
import dev.wechatapi.wechat.WeChatSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Hot reload (§12): a web session's state exported as {@link SessionCredentials}, and a session rebuilt from
 * them. Like openwechat's HotLogin, resuming runs one {@code webwxinit} with the stored BaseRequest and keeps the
 * stored SyncKey, so messages that arrived while nobody listened are still delivered; a session WeChat ended
 * answers 1100–1102 there and becomes {@link WeChatException.LoggedOut}.
 */
final class SessionState {

    static final String DRIVER = "web";

    private SessionState() {}

    static SessionCredentials export(SessionContext context, SyncKey syncKey, SyncKey checkKey) {
        List<SessionCredentials.Cookie> cookies = context.cookies().all().stream()
                .map(c -> new SessionCredentials.Cookie(c.name(), c.value(), c.domain(), c.path(), c.expiresAt(), c.secure(),
                        c.httpOnly(), c.hostOnly()))
                .toList();
        WebHosts hosts = context.hosts();
        return new SessionCredentials(DRIVER, context.uin(), context.sid(), context.skey(), context.passTicket(),
                context.deviceId(), hosts.main().uri(), hosts.file().uri(), hosts.push().uri(), cookies, entries(syncKey),
                entries(checkKey), context.self().userName(), Instant.now());
    }

    static WeChatSession resume(OkHttpClient client, Duration longPollTimeout, SessionCredentials saved)
            throws WeChatException {
        if (!DRIVER.equals(saved.driver())) {
            throw new WeChatException.Unsupported("credentials of driver '" + saved.driver() + "' cannot resume a web session");
        }
        HttpUrl main = HttpUrl.get(saved.mainHost());
        DomainCookieJar cookies = cookieJar(saved);
        var calls = new WebCalls(client.newBuilder().cookieJar(cookies).build(), longPollTimeout);
        var hosts = new WebHosts(main, HttpUrl.get(saved.fileHost()), HttpUrl.get(saved.pushHost()));
        var context = new SessionContext(calls, cookies, hosts, saved.uin(), saved.sid(), saved.skey(), saved.passTicket(),
                saved.deviceId());
        SyncKey fresh = LoginFlow.init(context);
        SyncKey syncKey = saved.syncKey().isEmpty() ? fresh : syncKey(saved.syncKey());
        SyncKey checkKey = saved.syncCheckKey().isEmpty() ? syncKey : syncKey(saved.syncCheckKey());
        return new WebSession(context, syncKey, checkKey);
    }

    /** A cookie jar holding the saved cookies. */
    static DomainCookieJar cookieJar(SessionCredentials saved) {
        var cookies = new DomainCookieJar();
        cookies.restore(saved.cookies().stream().map(SessionState::cookie).toList());
        return cookies;
    }

    private static Cookie cookie(SessionCredentials.Cookie saved) {
        var builder = new Cookie.Builder().name(saved.name()).value(saved.value()).path(saved.path())
                .expiresAt(saved.expiresAtMillis());
        builder = saved.hostOnly() ? builder.hostOnlyDomain(saved.domain()) : builder.domain(saved.domain());
        if (saved.secure()) {
            builder.secure();
        }
        if (saved.httpOnly()) {
            builder.httpOnly();
        }
        return builder.build();
    }

    private static List<SessionCredentials.SyncKeyEntry> entries(SyncKey key) {
        return key.entries().stream().map(e -> new SessionCredentials.SyncKeyEntry(e.key(), e.val())).toList();
    }

    private static SyncKey syncKey(List<SessionCredentials.SyncKeyEntry> entries) {
        return new SyncKey(entries.stream().map(e -> new SyncKey.Entry(e.key(), e.val())).toList());
    }
}
