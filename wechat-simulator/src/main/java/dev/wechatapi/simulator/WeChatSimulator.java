package dev.wechatapi.simulator;

import com.sun.net.httpserver.HttpServer;
import dev.wechatapi.simulator.internal.accounts.Accounts;
import dev.wechatapi.simulator.internal.control.AccountControl;
import dev.wechatapi.simulator.internal.control.ContactControl;
import dev.wechatapi.simulator.internal.control.ControlPage;
import dev.wechatapi.simulator.internal.control.FaultControl;
import dev.wechatapi.simulator.internal.http.Faults;
import dev.wechatapi.simulator.internal.control.MessageControl;
import dev.wechatapi.simulator.internal.control.MessageStreams;
import dev.wechatapi.simulator.internal.control.QrControl;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.http.Router;
import dev.wechatapi.simulator.internal.login.LoginAttempts;
import dev.wechatapi.simulator.internal.login.LoginEndpoints;
import dev.wechatapi.simulator.internal.login.UosGate;
import dev.wechatapi.simulator.internal.session.ContactEndpoints;
import dev.wechatapi.simulator.internal.session.InitEndpoints;
import dev.wechatapi.simulator.internal.session.MediaEndpoints;
import dev.wechatapi.simulator.internal.session.RevokeEndpoints;
import dev.wechatapi.simulator.internal.session.SendEndpoints;
import dev.wechatapi.simulator.internal.session.Sessions;
import dev.wechatapi.simulator.internal.session.SyncEndpoints;
import dev.wechatapi.simulator.internal.session.UploadEndpoints;
import dev.wechatapi.simulator.internal.session.VerifyEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A fake WeChat web server on one plain-HTTP origin, which plays the login, main, file and push hosts at once,
 * plus a control API under {@code /control} that plays the phones.
 *
 * <pre>{@code
 * try (var simulator = WeChatSimulator.start(SimulatorConfig.forTests())) {
 *     String accountId = simulator.control().createAccount(Map.of("nickName", "小明", "friends", 5))
 *             .get("accountId").asString();
 *     // point a client at simulator.baseUrl(), then scan its QR code with simulator.control().scan(uuid, accountId)
 * }
 * }</pre>
 */
public final class WeChatSimulator implements AutoCloseable {

    private static final String CGI = "/cgi-bin/mmwebwx-bin/";

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final Sessions sessions;
    private final URI baseUrl;

    // Thousands of clients hold a long poll each; the JDK server's defaults (200 idle connections kept, backlog
    // 128) would make them reconnect constantly and fail under a burst of logins.
    private static final int BACKLOG = 4096;

    static {
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "30000");
        }
    }

    private WeChatSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        var accounts = new Accounts();
        var attempts = new LoginAttempts(config.qrLifetime());
        this.sessions = new Sessions(accounts);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        // One thread drives every timed control action (message streams); it only enqueues, so it never blocks.
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("simulator-scheduler").factory());
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), BACKLOG);
        server.setExecutor(executor);
        server.createContext("/", routes(accounts, attempts));
        server.start();
        String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
        this.baseUrl = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getAddress().getPort());
    }

    /** Starts a simulator with the given configuration. */
    public static WeChatSimulator start(SimulatorConfig config) {
        System.setProperty("java.awt.headless", "true");
        try {
            return new WeChatSimulator(config);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), cannotBind);
        }
    }

    /** Starts a simulator with the real server's timings on 127.0.0.1 ({@code port} 0: any free port). */
    public static WeChatSimulator start(int port) {
        return start(SimulatorConfig.defaults().withPort(port));
    }

    /** Where clients reach it, e.g. {@code http://127.0.0.1:8090} (no trailing slash). */
    public String baseUrl() {
        return baseUrl.toString();
    }

    public URI baseUri() {
        return baseUrl;
    }

    public int port() {
        return baseUrl.getPort();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** A client for the control API of this simulator. */
    public SimulatorControl control() {
        return new SimulatorControl(baseUrl);
    }

    /** Stops listening; sessions end, so long polls still in flight answer at once. */
    @Override
    public void close() {
        sessions.endAll();
        scheduler.shutdownNow();
        server.stop(0);
        executor.shutdownNow();
    }

    private Router routes(Accounts accounts, LoginAttempts attempts) {
        var uosGate = new UosGate(config.requireExtspam());
        var login = new LoginEndpoints(attempts, accounts, sessions, config.loginPollHold(), config.publicBaseUrl(), uosGate);
        var init = new InitEndpoints(sessions);
        var contacts = new ContactEndpoints(sessions, config.contactPageSize());
        var sync = new SyncEndpoints(sessions, config.syncCheckHold());
        var send = new SendEndpoints(sessions);
        var revoke = new RevokeEndpoints(sessions, config.revokeWindow());
        var media = new MediaEndpoints(sessions);
        var upload = new UploadEndpoints(sessions);
        var verify = new VerifyEndpoints(sessions);
        var accountControl = new AccountControl(accounts, sessions);
        var qrControl = new QrControl(attempts, accounts, uosGate);
        var messageControl = new MessageControl(accounts, sessions);
        var messageStreams = new MessageStreams(accounts, messageControl, scheduler);
        var contactControl = new ContactControl(accounts, sessions);
        var faults = new Faults();
        var faultControl = new FaultControl(faults);
        var router = new Router(faults)
                // itchat's test_connect: any answer on the base URL will do.
                .on("*", "/", exchange -> Reply.text(200, "wechat-simulator"))
                .on("*", "/jslogin", login::jsLogin)
                .on("GET", "/qrcode/{uuid}", login::qrCode)
                .on("*", CGI + "login", login::poll)
                .on("*", CGI + "webwxnewloginpage", login::newLoginPage)
                .on("*", CGI + "webwxpushloginurl", login::pushLoginUrl)
                .on("*", CGI + "webwxinit", init::init)
                .on("*", CGI + "webwxstatusnotify", init::statusNotify)
                .on("*", CGI + "webwxgetcontact", contacts::contacts)
                .on("*", CGI + "webwxbatchgetcontact", contacts::batch)
                .on("*", CGI + "synccheck", sync::syncCheck)
                .on("*", CGI + "webwxsync", sync::sync)
                .on("*", CGI + "webwxsendmsg", send::sendMessage)
                .on("*", CGI + "webwxsendmsgimg", send::sendImage)
                .on("*", CGI + "webwxsendvideomsg", send::sendVideo)
                .on("*", CGI + "webwxsendappmsg", send::sendAppMessage)
                .on("*", CGI + "webwxsendemoticon", send::sendEmoticon)
                .on("*", CGI + "webwxrevokemsg", revoke::revoke)
                .on("*", CGI + "webwxuploadmedia", upload::upload)
                .on("*", CGI + "webwxcheckupload", upload::checkUpload)
                .on("*", CGI + "webwxverifyuser", verify::verifyUser)
                .on("*", CGI + "webwxlogout", send::logout)
                .on("*", CGI + "webwxgeticon", media::avatar)
                .on("*", CGI + "webwxgetheadimg", media::avatar)
                .on("*", CGI + "webwxgetmsgimg", media::messageImage)
                .on("*", CGI + "webwxgetpubliclinkimg", media::messageImage)
                .on("*", CGI + "webwxgetvoice", media::voice)
                .on("*", CGI + "webwxgetvideo", media::video)
                .on("*", CGI + "webwxgetmedia", media::attachment);
        for (String harmless : new String[] {"webwxstatreport", "webwxcheckurl", "webwxsendfeedback", "webwxpreview"}) {
            router.on("*", CGI + harmless, send::acknowledge);
        }
        return router
                .on("GET", "/control", new ControlPage()::page)
                .on("GET", "/control/health", exchange -> Reply.json(Json.object().put("status", "UP")))
                .on("POST", "/control/accounts", accountControl::create)
                .on("GET", "/control/accounts", accountControl::list)
                .on("GET", "/control/accounts/{accountId}", accountControl::show)
                .on("GET", "/control/accounts/{accountId}/sent", accountControl::sent)
                .on("POST", "/control/accounts/{accountId}/logout", accountControl::logout)
                .on("POST", "/control/accounts/{accountId}/send-failures", accountControl::failSends)
                .on("POST", "/control/accounts/{accountId}/login-block", accountControl::blockLogin)
                .on("POST", "/control/faults", faultControl::add)
                .on("DELETE", "/control/faults", faultControl::clear)
                .on("POST", "/control/accounts/{accountId}/messages", messageControl::inject)
                .on("POST", "/control/accounts/{accountId}/message-streams", messageStreams::start)
                .on("GET", "/control/message-streams", messageStreams::list)
                .on("GET", "/control/message-streams/{streamId}", messageStreams::show)
                .on("DELETE", "/control/message-streams/{streamId}", messageStreams::stop)
                .on("POST", "/control/accounts/{accountId}/friends", contactControl::addFriend)
                .on("POST", "/control/accounts/{accountId}/friends/{friend}", contactControl::modifyFriend)
                .on("DELETE", "/control/accounts/{accountId}/friends/{friend}", contactControl::deleteFriend)
                .on("POST", "/control/accounts/{accountId}/groups/{group}", contactControl::changeGroup)
                .on("GET", "/control/qr", qrControl::list)
                .on("GET", "/control/qr/{uuid}", qrControl::show)
                .on("POST", "/control/qr/{uuid}/scan", qrControl::scan)
                .on("POST", "/control/qr/{uuid}/confirm", qrControl::confirm)
                .on("POST", "/control/qr/{uuid}/expire", qrControl::expire)
                .on("POST", "/control/accounts/{accountId}/push-login/confirm", qrControl::confirmPush)
                .on("GET", "/control/uos-gate", qrControl::uosGate)
                .on("POST", "/control/uos-gate", qrControl::requireUosGate);
    }
}
