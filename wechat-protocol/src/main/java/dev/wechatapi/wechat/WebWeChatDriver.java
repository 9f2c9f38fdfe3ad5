package dev.wechatapi.wechat;

import dev.wechatapi.wechat.internal.Guard;
import dev.wechatapi.wechat.internal.LoginFlow;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The {@link WeChatDriver} for WeChat's web protocol (网页微信, optionally as the UOS desktop client).
 *
 * <pre>{@code
 * WeChatDriver driver = new WebWeChatDriver(WebWeChatConfig.defaults());
 * }</pre>
 *
 * One driver serves any number of accounts: every login gets its own cookies over a shared connection pool.
 * Redirects are never followed ({@code webwxnewloginpage} answers 301 on purpose), and every call has a timeout.
 */
public final class WebWeChatDriver implements WeChatDriver {

    private static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    private static final Capabilities CAPABILITIES =
            new Capabilities("web", Set.of("text", "image", "file", "video"), EnumSet.allOf(MsgKind.class), true,
                    Set.of(Capabilities.REVOKE, Capabilities.RESUME, Capabilities.PUSH_LOGIN));

    private final LoginFlow login;

    public WebWeChatDriver(WebWeChatConfig config) {
        this(config, new OkHttpClient());
    }

    /** Builds on {@code client} (its proxy, pool, dispatcher), with this driver's redirect policy and timeouts. */
    public WebWeChatDriver(WebWeChatConfig config, OkHttpClient client) {
        Duration call = config.callTimeout();
        OkHttpClient configured = client.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(call.compareTo(Duration.ofSeconds(10)) < 0 ? call : Duration.ofSeconds(10))
                .readTimeout(call)
                .writeTimeout(call)
                .callTimeout(call)
                .addInterceptor(chain -> chain.proceed(chain.request().header("User-Agent") != null
                        ? chain.request()
                        : chain.request().newBuilder().header("User-Agent", USER_AGENT).build()))
                .build();
        this.login = new LoginFlow(config, configured);
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public QrLogin startLogin() throws WeChatException {
        return Guard.run("jslogin", login::start);
    }

    @Override
    public LoginPoll pollLogin(QrLogin qrLogin) throws WeChatException {
        return Guard.run("login poll", () -> login.poll(qrLogin));
    }

    @Override
    public WeChatSession completeLogin(LoginPoll.Confirmed confirmed) throws WeChatException {
        return Guard.run("login", () -> login.complete(confirmed));
    }

    @Override
    public QrLogin pushLogin(SessionCredentials credentials) throws WeChatException {
        return Guard.run("webwxpushloginurl", () -> login.push(credentials));
    }

    @Override
    public WeChatSession resume(SessionCredentials credentials) throws WeChatException {
        return Guard.run("resume", () -> login.resume(credentials));
    }
}
