package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.WeChatContact;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every call of one login needs: its credentials (the skey may rotate during sync), its hosts, its HTTP
 * calls with their own cookies, the logged-in account, and the groups seen so far with their members (for
 * telling whether a group message mentions the account).
 */
final class SessionContext {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebCalls calls;
    private final DomainCookieJar cookies;
    private final WebHosts hosts;
    private final long uin;
    private final String sid;
    private final String passTicket;
    private final String deviceId;
    private final Map<String, WeChatContact> groups = new ConcurrentHashMap<>();
    private volatile String skey;
    private volatile WeChatContact self;

    SessionContext(WebCalls calls, DomainCookieJar cookies, WebHosts hosts, long uin, String sid, String skey, String passTicket) {
        this(calls, cookies, hosts, uin, sid, skey, passTicket, "e" + String.format("%015d", RANDOM.nextLong(1_000_000_000_000_000L)));
    }

    /** A resumed session keeps the device id it logged in with. */
    SessionContext(WebCalls calls, DomainCookieJar cookies, WebHosts hosts, long uin, String sid, String skey, String passTicket,
            String deviceId) {
        this.deviceId = deviceId;
        this.calls = calls;
        this.cookies = cookies;
        this.hosts = hosts;
        this.uin = uin;
        this.sid = sid;
        this.skey = skey;
        this.passTicket = passTicket;
    }

    WebCalls calls() {
        return calls;
    }

    DomainCookieJar cookies() {
        return cookies;
    }

    String passTicket() {
        return passTicket;
    }

    WebHosts hosts() {
        return hosts;
    }

    long uin() {
        return uin;
    }

    String sid() {
        return sid;
    }

    String skey() {
        return skey;
    }

    String deviceId() {
        return deviceId;
    }

    /** WeChat may hand out a new skey in webwxinit or webwxsync ({@code SKey}); empty means "keep yours". */
    void rotateSkey(String newSkey) {
        if (newSkey != null && !newSkey.isEmpty()) {
            skey = newSkey;
        }
    }

    WeChatContact self() {
        return self;
    }

    void self(WeChatContact contact) {
        self = contact;
    }

    Optional<WeChatContact> group(String userName) {
        return Optional.ofNullable(groups.get(userName));
    }

    void rememberGroup(WeChatContact group) {
        if (group.isGroup()) {
            groups.put(group.userName(), group);
        }
    }

    void forgetGroup(String userName) {
        groups.remove(userName);
    }

    /** {@code BaseRequest} with Uin as a number, as wechat4u and openwechat send it. */
    ObjectNode baseRequest() {
        ObjectNode base = WebCalls.JSON.createObjectNode();
        base.put("Uin", uin);
        base.put("Sid", sid);
        base.put("Skey", skey);
        base.put("DeviceID", deviceId);
        return base;
    }

    ObjectNode bodyWithBaseRequest() {
        ObjectNode body = WebCalls.JSON.createObjectNode();
        body.set("BaseRequest", baseRequest());
        return body;
    }

    /**
     * An endpoint on the main host with {@code lang} and {@code pass_ticket}; the ticket arrives URL-encoded in
     * the login XML, so it goes into the query as it is.
     */
    HttpUrl.Builder onMain(String endpoint) {
        return hosts.onMain(endpoint).addQueryParameter("lang", "zh_CN").addEncodedQueryParameter("pass_ticket", passTicket);
    }
}
