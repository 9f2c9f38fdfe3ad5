package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.LoginPoll;
import dev.wechatapi.wechat.QrLogin;
import dev.wechatapi.wechat.SessionCredentials;
import dev.wechatapi.wechat.WeChatException;
import dev.wechatapi.wechat.WeChatSession;
import dev.wechatapi.wechat.WebWeChatConfig;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** QR login (§2): jslogin, the scan-status poll, then credentials, webwxinit and the status notification. */
public final class LoginFlow {

    private static final String APP_ID = "wx782c26e4c19acffb";
    private static final Pattern UUID = Pattern.compile("window\\.QRLogin\\.code = (\\d+); window\\.QRLogin\\.uuid = \"(\\S+?)\";");
    private static final Pattern CODE = Pattern.compile("window\\.code=(\\d+);");
    private static final Pattern AVATAR = Pattern.compile("window\\.userAvatar = '(?:data:img/jpg;base64,)?(.*?)';");
    private static final Pattern REDIRECT = Pattern.compile("window\\.redirect_uri=\"(\\S+?)\";");
    private static final int STATUS_INITED = 3;

    private final WebWeChatConfig config;
    private final OkHttpClient client;
    private final WebCalls loginCalls;
    private final HttpUrl loginBase;

    public LoginFlow(WebWeChatConfig config, OkHttpClient client) {
        this.config = config;
        this.client = client;
        this.loginCalls = new WebCalls(client, config.longPollTimeout());
        this.loginBase = HttpUrl.get(config.loginBase());
    }

    public QrLogin start() throws WeChatException {
        String redirect = "https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage" + (config.desktopMode() ? "?mod=desktop" : "");
        String answer = loginCalls.getText(loginBase.resolve("/jslogin").newBuilder()
                .addQueryParameter("appid", APP_ID)
                .addQueryParameter("fun", "new")
                .addQueryParameter("lang", "zh_CN")
                .addQueryParameter("redirect_uri", redirect)
                .addQueryParameter("_", Long.toString(System.currentTimeMillis()))
                .build(), false);
        Matcher matcher = UUID.matcher(answer);
        if (!matcher.find() || !matcher.group(1).equals("200")) {
            throw new WeChatException.ProtocolError("jslogin answered " + answer, null);
        }
        String uuid = matcher.group(2);
        return new QrLogin(uuid, "https://login.weixin.qq.com/l/" + uuid, loginBase.resolve("/qrcode/" + uuid).uri());
    }

    public LoginPoll poll(QrLogin login) throws WeChatException {
        String answer = loginCalls.getText(loginBase.resolve("/cgi-bin/mmwebwx-bin/login").newBuilder()
                .addQueryParameter("loginicon", "true")
                .addQueryParameter("uuid", login.uuid())
                .addQueryParameter("tip", "0")
                .addQueryParameter("r", Long.toString(~(System.currentTimeMillis() / 1000)))
                .addQueryParameter("_", Long.toString(System.currentTimeMillis()))
                .build(), true);
        Matcher code = CODE.matcher(answer);
        if (!code.find()) {
            throw new WeChatException.ProtocolError("the login poll answered " + answer, null);
        }
        return switch (code.group(1)) {
            case "408" -> new LoginPoll.Waiting();
            case "201" -> {
                Matcher avatar = AVATAR.matcher(answer);
                yield new LoginPoll.Scanned(avatar.find() ? avatar.group(1) : "");
            }
            case "200" -> {
                Matcher redirect = REDIRECT.matcher(answer);
                if (!redirect.find()) {
                    throw new WeChatException.ProtocolError("the login poll confirmed without a redirect_uri: " + answer, null);
                }
                yield new LoginPoll.Confirmed(URI.create(redirect.group(1)));
            }
            case "400" -> new LoginPoll.Expired();
            default -> throw new WeChatException.ProtocolError("the login poll answered code " + code.group(1), null);
        };
    }

    public WeChatSession complete(LoginPoll.Confirmed confirmed) throws WeChatException {
        HttpUrl redirect = HttpUrl.parse(confirmed.redirectUri().toString());
        if (redirect == null) {
            throw new WeChatException.ProtocolError("unusable redirect_uri " + confirmed.redirectUri(), null);
        }
        var cookies = new DomainCookieJar();
        var calls = new WebCalls(client.newBuilder().cookieJar(cookies).build(), config.longPollTimeout());
        LoginTicket ticket = LoginTicket.fetch(calls, redirect, config.desktopMode(), cookies);
        var session = new SessionContext(calls, cookies, WebHosts.fromRedirect(redirect), ticket.uin(), ticket.sid(), ticket.skey(),
                ticket.passTicket());
        SyncKey syncKey = init(session);
        notifyInited(session);
        return new WebSession(session, syncKey, syncKey);
    }

    /**
     * Push login (§2.7): {@code webwxpushloginurl?uin=…} on the saved main host with the saved cookies (WeChat
     * recognises the device by {@code webwx_auth_ticket}); {@code mod=desktop} in UOS mode. The uuid it answers is
     * polled like a scanned QR code.
     */
    public QrLogin push(SessionCredentials credentials) throws WeChatException {
        if (!SessionState.DRIVER.equals(credentials.driver())) {
            throw new WeChatException.Unsupported("credentials of driver '" + credentials.driver() + "' cannot push a web login");
        }
        var calls = new WebCalls(client.newBuilder().cookieJar(SessionState.cookieJar(credentials)).build(),
                config.longPollTimeout());
        HttpUrl main = HttpUrl.get(credentials.mainHost());
        var url = new WebHosts(main, main, main).onMain("webwxpushloginurl").addQueryParameter("uin", Long.toString(credentials.uin()));
        if (config.desktopMode()) {
            url.addQueryParameter("mod", "desktop");
        }
        JsonNode answer = calls.getJson(url.build());
        // ret is a string in WeChat's answer ("0"); itchat also accepts a number.
        String ret = Fields.text(answer, "ret");
        String uuid = Fields.text(answer, "uuid");
        if (!ret.trim().equals("0") || uuid.isBlank()) {
            throw new WeChatException.ProtocolError("webwxpushloginurl answered ret " + ret + ": " + Fields.text(answer, "msg"), null);
        }
        return new QrLogin(uuid, "https://login.weixin.qq.com/l/" + uuid, loginBase.resolve("/qrcode/" + uuid).uri());
    }

    /** Carries on a saved session (§12) after one webwxinit shows it is alive. */
    public WeChatSession resume(SessionCredentials credentials) throws WeChatException {
        return SessionState.resume(client, config.longPollTimeout(), credentials);
    }

    static SyncKey init(SessionContext session) throws WeChatException {
        JsonNode answer = session.calls().postJson(session.onMain("webwxinit")
                .addQueryParameter("r", Long.toString(~(System.currentTimeMillis() / 1000)))
                .build(), session.bodyWithBaseRequest());
        RetCodes.check(answer, "webwxinit");
        if (!answer.path("User").isObject() || !answer.path("SyncKey").isObject()) {
            throw new WeChatException.ProtocolError("webwxinit answered without User or SyncKey", null);
        }
        session.self(ContactParser.parse(answer.path("User")));
        session.rotateSkey(Fields.text(answer, "SKey"));
        return SyncKey.parse(answer.path("SyncKey"));
    }

    /** Tells WeChat the client is ready (Code 3); the phone then shows the web login and sends recent chats. */
    private static void notifyInited(SessionContext session) throws WeChatException {
        String self = session.self().userName();
        ObjectNode body = session.bodyWithBaseRequest();
        body.put("Code", STATUS_INITED);
        body.put("FromUserName", self);
        body.put("ToUserName", self);
        body.put("ClientMsgId", System.currentTimeMillis());
        RetCodes.check(session.calls().postJson(session.onMain("webwxstatusnotify").build(), body), "webwxstatusnotify");
    }
}
