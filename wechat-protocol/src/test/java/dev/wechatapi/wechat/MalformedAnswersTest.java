package dev.wechatapi.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the driver makes of answers the simulator never gives: scripted on a MockWebServer. */
class MalformedAnswersTest {

    private static final String CREDENTIALS = "<error><ret>0</ret><message></message><skey>@crypt_1_2</skey>"
            + "<wxsid>sid1</wxsid><wxuin>12345</wxuin><pass_ticket>pt%2Bx</pass_ticket><isgrayscale>1</isgrayscale></error>";
    private static final String INIT = """
            {"BaseResponse":{"Ret":0,"ErrMsg":""},"User":{"Uin":12345,"UserName":"@self","NickName":"我"},
             "SyncKey":{"Count":1,"List":[{"Key":1,"Val":100}]},"SKey":""}""";
    private static final String OK = "{\"BaseResponse\":{\"Ret\":0,\"ErrMsg\":\"\"},\"MsgID\":\"1\"}";
    private static final String NEWS = "window.synccheck={retcode:\"0\",selector:\"2\"}";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockResponse> script = new ConcurrentHashMap<>();
    private WebWeChatDriver driver;

    @BeforeEach
    void start() throws IOException {
        answer("webwxnewloginpage", 200, CREDENTIALS);
        answer("webwxinit", 200, INIT);
        answer("webwxstatusnotify", 200, OK);
        answer("synccheck", 200, NEWS);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String endpoint = request.getUrl().pathSegments().getLast();
                return script.getOrDefault(endpoint, new MockResponse(404, Headers.of(), ""));
            }
        });
        server.start(0);
        driver = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(server.url("/").uri()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void truncatedSyncAnswerIsAProtocolError() throws Exception {
        WeChatSession session = logIn();
        answer("webwxsync", 200, "{\"BaseResponse\":{\"Ret\":0,\"ErrMsg\":\"\"},\"AddMsgCount\":1,\"AddMsgList\":[{\"MsgId\":\"12");

        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.ProtocolError.class);
    }

    @Test
    void htmlInsteadOfJsonIsAProtocolError() throws Exception {
        WeChatSession session = logIn();
        answer("webwxsync", 200, "<html><body>系统繁忙</body></html>");

        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.ProtocolError.class);
    }

    @Test
    void syncAnswerWithoutSyncKeyIsAProtocolError() throws Exception {
        WeChatSession session = logIn();
        answer("webwxsync", 200, "{\"BaseResponse\":{\"Ret\":0,\"ErrMsg\":\"\"},\"AddMsgList\":[]}");

        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.ProtocolError.class)
                .hasMessageContaining("SyncKey");
    }

    @Test
    void garbledSyncCheckIsAProtocolError() throws Exception {
        WeChatSession session = logIn();
        answer("synccheck", 200, "window.synccheck=");

        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.ProtocolError.class);
    }

    @Test
    void sessionEndCodesAreLoggedOutWithTheirCode() throws Exception {
        WeChatSession session = logIn();
        answer("synccheck", 200, "window.synccheck={retcode:\"1100\",selector:\"0\"}");
        assertThatThrownBy(session::sync).isInstanceOfSatisfying(WeChatException.LoggedOut.class,
                loggedOut -> assertThat(loggedOut.code()).isEqualTo(1100));

        answer("synccheck", 200, NEWS);
        answer("webwxsync", 200, "{\"BaseResponse\":{\"Ret\":1102,\"ErrMsg\":\"\"},\"SyncKey\":{\"Count\":0,\"List\":[]}}");
        assertThatThrownBy(session::sync).isInstanceOfSatisfying(WeChatException.LoggedOut.class,
                loggedOut -> assertThat(loggedOut.code()).isEqualTo(1102));
    }

    @Test
    void serverErrorsAreUnreachable() throws Exception {
        WeChatSession session = logIn();
        answer("webwxsync", 503, "");

        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.Unreachable.class);
    }

    @Test
    void closedPortIsUnreachable() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var nowhere = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create("http://127.0.0.1:" + port)));

        assertThatThrownBy(nowhere::startLogin).isInstanceOf(WeChatException.Unreachable.class);
    }

    @Test
    void unexpectedJsloginAnswerIsAProtocolError() {
        answer("jslogin", 200, "window.QRLogin.code = 500;");

        assertThatThrownBy(driver::startLogin).isInstanceOf(WeChatException.ProtocolError.class);
    }

    @Test
    void locationless301FromNewLoginPageStillLogsInWithTheTicketEncodedOnce() throws Exception {
        answer("webwxnewloginpage", 301, CREDENTIALS);

        WeChatSession session = logIn();

        assertThat(session.self().userName()).isEqualTo("@self");
        RecordedRequest newLoginPage = server.takeRequest();
        assertThat(newLoginPage.getUrl().queryParameter("version")).isEqualTo("v2");
        assertThat(newLoginPage.getUrl().queryParameter("fun")).isEqualTo("new");
        RecordedRequest init = server.takeRequest();
        assertThat(init.getTarget()).contains("pass_ticket=pt%2Bx");
        assertThat(init.getBody().utf8()).contains("\"Uin\":12345", "\"Sid\":\"sid1\"", "\"Skey\":\"@crypt_1_2\"");
    }

    @Test
    void loginXmlWithoutCredentialsIsAProtocolError() {
        answer("webwxnewloginpage", 200, "<error><ret>0</ret><message></message></error>");

        assertThatThrownBy(this::logIn).isInstanceOf(WeChatException.ProtocolError.class);
    }

    @Test
    void fieldsOfUnexpectedJsonTypesAreReadLeniently() throws Exception {
        WeChatSession session = logIn();
        answer("webwxsync", 200, """
                {"BaseResponse":{"Ret":"0","ErrMsg":""},"AddMsgCount":1,"AddMsgList":[{"MsgId":"77","NewMsgId":"77",
                 "MsgType":"49","AppMsgType":6,"FromUserName":"@friend","ToUserName":"@self","Content":"",
                 "FileName":"报告&amp;总结.pdf","FileSize":2048,"CreateTime":"1700000000"}],
                 "SyncKey":{"Count":1,"List":[{"Key":1,"Val":"101"}]},"SKey":"@crypt_rotated"}""");

        SyncBatch batch = session.sync();

        WeChatMessage file = batch.messages().getFirst();
        assertThat(file.kind()).isEqualTo(MsgKind.FILE);
        assertThat(file.newMsgId()).isEqualTo(77);
        assertThat(file.fileName()).isEqualTo("报告&总结.pdf");
        assertThat(file.fileSize()).isEqualTo(2048);
        assertThat(file.createTime().getEpochSecond()).isEqualTo(1_700_000_000L);
    }

    @Test
    void everyNonZeroSelectorFetchesNewsAndZeroDoesNot() throws Exception {
        WeChatSession session = logIn();
        answer("webwxsync", 200, "{\"BaseResponse\":{\"Ret\":0,\"ErrMsg\":\"\"},\"AddMsgCount\":1,\"AddMsgList\":[{\"MsgId\":\"5\","
                + "\"MsgType\":1,\"FromUserName\":\"@a\",\"ToUserName\":\"@self\",\"Content\":\"hi\"}],"
                + "\"SyncKey\":{\"Count\":1,\"List\":[{\"Key\":1,\"Val\":101}]}}");
        for (String selector : new String[] {"1", "2", "3", "4", "5", "6", "7"}) {
            answer("synccheck", 200, "window.synccheck={retcode:\"0\",selector:\"" + selector + "\"}");
            assertThat(session.sync().messages()).as("selector %s", selector).hasSize(1);
        }
        answer("synccheck", 200, "window.synccheck={retcode:\"0\",selector:\"0\"}");

        assertThat(session.sync().isEmpty()).isTrue();
    }

    @Test
    void unknownSyncCheckRetcodeIsAProtocolErrorAnd1205IsRateLimited() throws Exception {
        WeChatSession session = logIn();
        answer("synccheck", 200, "window.synccheck={retcode:\"9999\",selector:\"0\"}");
        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.ProtocolError.class);

        answer("synccheck", 200, "window.synccheck={retcode:\"1205\",selector:\"0\"}");
        assertThatThrownBy(session::sync).isInstanceOf(WeChatException.RateLimited.class);
    }

    @Test
    void emptyDownloadIsMediaUnavailable() throws Exception {
        WeChatSession session = logIn();
        answer("webwxgetmsgimg", 200, "");
        WeChatMessage image = new WeChatMessage("9", 9, MsgKind.IMAGE, 3, 0, 0, "@a", "@self", null, false, "", "", "", 0, "",
                0, 0, 0, 0, Instant.now(), "");

        assertThatThrownBy(() -> session.download(image)).isInstanceOf(WeChatException.MediaUnavailable.class);
        answer("webwxgetmsgimg", 502, "");
        assertThatThrownBy(() -> session.download(image)).isInstanceOf(WeChatException.Unreachable.class);
    }

    private WeChatSession logIn() throws WeChatException {
        URI redirect = server.url("/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=T@qrticket_0&uuid=u==&lang=zh_CN&scan=1").uri();
        return driver.completeLogin(new LoginPoll.Confirmed(redirect));
    }

    private void answer(String endpoint, int code, String body) {
        script.put(endpoint, new MockResponse(code, Headers.of(), body));
    }
}
