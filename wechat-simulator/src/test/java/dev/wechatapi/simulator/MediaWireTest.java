package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.RawClient.Credentials;
import dev.wechatapi.simulator.internal.http.Json;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The wire side of media: §8.1 fields and types per kind, downloads (§10) and chunked uploads (§9.2). */
class MediaWireTest {

    private static final String CGI = "/cgi-bin/mmwebwx-bin/";

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withSyncCheckHold(Duration.ofMillis(300)));

    private final RawClient client = new RawClient(simulator.simulator());
    private final SimulatorControl control = simulator.control();
    private String accountId;
    private Credentials credentials;

    @BeforeEach
    void logIn() {
        accountId = control.createAccount(Map.of("nickName", "媒体测试", "friends", List.of("张伟"),
                        "groups", List.of(Map.of("nickName", "家人群", "members", List.of("张伟")))))
                .get("accountId").asString();
        credentials = client.login(accountId);
        client.init(credentials);
    }

    @Test
    void everyKindCarriesTheCompleteFieldSetWithWeChatsTypes() {
        for (String kind : List.of("image", "voice", "video", "emoticon", "file", "link", "card", "location", "recall")) {
            Map<String, Object> injection = kind.equals("recall") ? Map.of("from", "张伟", "kind", kind, "msgId", "123")
                    : kind.equals("card") ? Map.of("from", "张伟", "kind", kind, "card", "张伟") : Map.of("from", "张伟", "kind", kind);
            JsonNode message = inject(injection);
            for (String field : List.of("MsgId", "Content", "FileName", "FileSize", "MediaId", "Url", "StatusNotifyUserName",
                    "Ticket", "OriContent", "EncryFileName")) {
                assertThat(message.get(field).isString()).as("%s of %s", field, kind).isTrue();
            }
            for (String field : List.of("MsgType", "Status", "ImgStatus", "CreateTime", "VoiceLength", "PlayLength", "AppMsgType",
                    "StatusNotifyCode", "ForwardFlag", "HasProductId", "ImgHeight", "ImgWidth", "SubMsgType", "NewMsgId")) {
                assertThat(message.get(field).isNumber()).as("%s of %s", field, kind).isTrue();
            }
            assertThat(message.get("RecommendInfo").get("QQNum").isNumber()).isTrue();
            assertThat(message.get("AppInfo").get("Type").isNumber()).isTrue();
        }
    }

    @Test
    void fileMessageAnnouncesNameSizeAndMediaId() {
        JsonNode file = inject(Map.of("from", "张伟", "kind", "file", "fileName", "my_report.v2.pdf", "size", 3000));

        assertThat(file.get("MsgType").asInt()).isEqualTo(49);
        assertThat(file.get("AppMsgType").asInt()).isEqualTo(6);
        assertThat(file.get("FileName").asString()).isEqualTo("my_report.v2.pdf");
        assertThat(file.get("FileSize").asString()).isEqualTo("3000");
        assertThat(file.get("MediaId").asString()).startsWith("@crypt_");
        assertThat(file.get("EncryFileName").asString()).isEqualTo("my%5Freport%2Ev2%2Epdf");
        assertThat(file.get("Content").asString()).contains("&lt;totallen&gt;3000&lt;/totallen&gt;");
    }

    @Test
    void groupMediaStartsWithTheMemberPrefixAndFriendRequestsComeFromFmessage() {
        JsonNode image = inject(Map.of("group", 0, "member", "张伟", "kind", "image"));
        JsonNode request = inject(Map.of("kind", "friendRequest", "nickName", "新朋友"));
        JsonNode location = inject(Map.of("from", "张伟", "kind", "location"));

        assertThat(image.get("Content").asString()).matches("@[0-9a-f]{32}:<br/>&lt;\\?xml version=\"1.0\"\\?&gt;<br/>&lt;msg&gt;.*");
        assertThat(request.get("FromUserName").asString()).isEqualTo("fmessage");
        assertThat(request.get("RecommendInfo").get("Ticket").asString()).startsWith("v2_");
        assertThat(request.get("RecommendInfo").get("OpCode").asInt()).isEqualTo(2);
        assertThat(location.get("SubMsgType").asInt()).isEqualTo(48);
        assertThat(location.get("OriContent").asString()).startsWith("<?xml version=\"1.0\"?>\n<msg>\n\t<location x=");
        assertThat(location.get("Url").asString()).startsWith("http://apis.map.qq.com/uri/v1/geocoder?coord=");
    }

    @Test
    void picturesAreServedWholeOrAsThumbnailWhateverTheParameterCase() {
        String msgId = inject(Map.of("from", "张伟", "kind", "image", "width", 300, "height", 200)).get("MsgId").asString();

        HttpResponse<byte[]> big = client.getBytes(CGI + "webwxgetmsgimg?MsgID=" + msgId + "&skey=" + credentials.skey() + "&type=big");
        HttpResponse<byte[]> slave = client.getBytes(CGI + "webwxgetmsgimg?msgid=" + msgId + "&skey=" + credentials.skey() + "&type=slave");

        assertThat(big.statusCode()).isEqualTo(200);
        assertThat(big.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(big.headers().firstValue("Content-Length")).contains(Integer.toString(big.body().length));
        assertThat(slave.statusCode()).isEqualTo(200);
        assertThat(slave.body().length).isLessThan(big.body().length);
        assertThat(client.getBytes(CGI + "webwxgetmsgimg?MsgID=1&skey=" + credentials.skey()).statusCode()).isEqualTo(404);
    }

    @Test
    void videoHonoursRangeWithPartialContent() {
        String msgId = inject(Map.of("from", "张伟", "kind", "video", "size", 10_000)).get("MsgId").asString();
        String url = CGI + "webwxgetvideo?msgid=" + msgId + "&skey=" + credentials.skey();

        HttpResponse<byte[]> whole = client.getBytes(url, "Range", "bytes=0-");
        HttpResponse<byte[]> part = client.getBytes(url, "Range", "bytes=100-199");

        int total = whole.body().length;
        assertThat(whole.statusCode()).isEqualTo(206);
        assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(whole.headers().firstValue("Content-Range")).contains("bytes 0-" + (total - 1) + "/" + total);
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100).isEqualTo(Arrays.copyOfRange(whole.body(), 100, 200));
        assertThat(client.getBytes(url, "Range", "bytes=" + total + "-").statusCode()).isEqualTo(416);
        assertThat(client.getBytes(url).statusCode()).isEqualTo(200);
    }

    @Test
    void voiceIsMp3AndAttachmentsComeFromTheFileHostByMediaId() {
        String voiceId = inject(Map.of("from", "张伟", "kind", "voice")).get("MsgId").asString();
        JsonNode file = inject(Map.of("from", "张伟", "kind", "file", "fileName", "清单.txt", "text", "牛奶 🥛"));

        HttpResponse<byte[]> voice = client.getBytes(CGI + "webwxgetvoice?msgid=" + voiceId + "&skey=" + credentials.skey());
        HttpResponse<byte[]> attachment = client.getBytes(CGI + "webwxgetmedia?sender=x&MediaId="
                + file.get("MediaId").asString().replace("@", "%40") + "&fromuser=" + credentials.uin());

        assertThat(voice.headers().firstValue("Content-Type")).contains("audio/mp3");
        assertThat(new String(attachment.body(), StandardCharsets.UTF_8)).isEqualTo("牛奶 🥛");
        assertThat(attachment.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''%E6%B8%85");
    }

    @Test
    void chunkedUploadWithFieldsInAnyOrderAssemblesTheFile() throws Exception {
        byte[] data = new byte[1_100_000];
        new Random(3).nextBytes(data);
        int chunkSize = 512 * 1024;
        String mediaId = "";
        for (int chunk = 0; chunk < 3; chunk++) {
            byte[] part = Arrays.copyOfRange(data, chunk * chunkSize, Math.min(data.length, (chunk + 1) * chunkSize));
            JsonNode answer = upload("大文件.bin", data.length, 3, chunk, part);
            assertThat(answer.get("BaseResponse").get("Ret").asInt()).isZero();
            mediaId = answer.get("MediaId").asString();
            assertThat(mediaId.isEmpty()).isEqualTo(chunk < 2);
        }
        String friend = control.account(accountId).get("friends").get(0).get("userName").asString();

        ObjectNode msg = Json.object().put("Type", 6).put("ToUserName", friend).put("LocalID", "1").put("Content",
                "<appmsg appid='wxeb7ec651dd0aefa9' sdkver=''><title>大文件.bin</title><appattach><attachid>" + mediaId
                        + "</attachid></appattach></appmsg>");
        JsonNode sent = client.postJson(CGI + "webwxsendappmsg?fun=async&f=json",
                Json.object().<ObjectNode>set("BaseRequest", credentials.baseRequest()).set("Msg", msg));

        assertThat(sent.get("BaseResponse").get("Ret").asInt()).isZero();
        JsonNode recorded = control.sent(accountId).get(0);
        assertThat(recorded.get("size").asLong()).isEqualTo(data.length);
        assertThat(recorded.get("sha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    }

    @Test
    void singlePartUploadAnswersTheMediaIdAtOnceAndAWrongSizeIsAParamError() {
        byte[] data = "一个小文件 📄".getBytes(StandardCharsets.UTF_8);

        JsonNode whole = upload("小.txt", data.length, 1, 0, data);
        JsonNode wrongSize = upload("小.txt", data.length + 1, 1, 0, data);

        assertThat(whole.get("MediaId").asString()).startsWith("@crypt_");
        assertThat(whole.get("StartPos").asLong()).isEqualTo(data.length);
        assertThat(whole.get("EncryFileName").asString()).isEqualTo("%E5%B0%8F%2Etxt");
        assertThat(wrongSize.get("BaseResponse").get("Ret").asInt()).isEqualTo(1);
        assertThat(wrongSize.get("MediaId").asString()).isEmpty();
    }

    @Test
    void uploadWithoutASessionIsLoggedOut() {
        control.logout(accountId);

        JsonNode answer = upload("x.bin", 3, 1, 0, new byte[] {1, 2, 3});

        assertThat(answer.get("BaseResponse").get("Ret").asInt()).isEqualTo(1101);
    }

    @Test
    void sendingAnUnknownMediaIdIsAParamError() {
        String friend = control.account(accountId).get("friends").get(0).get("userName").asString();
        ObjectNode msg = Json.object().put("Type", 3).put("MediaId", "@crypt_nope").put("ToUserName", friend);

        JsonNode answer = client.postJson(CGI + "webwxsendmsgimg?fun=async&f=json",
                Json.object().<ObjectNode>set("BaseRequest", credentials.baseRequest()).set("Msg", msg));

        assertThat(answer.get("BaseResponse").get("Ret").asInt()).isEqualTo(1);
    }

    @Test
    void checkUploadAnswersTheMediaIdOfAFileAlreadyUploadedAndASignatureOtherwise() throws Exception {
        byte[] data = "大文件的内容".repeat(100).getBytes(StandardCharsets.UTF_8);
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));

        JsonNode before = checkUpload("报告_v1.pdf", md5, data.length);
        String mediaId = upload("报告_v1.pdf", data.length, 1, 0, data).get("MediaId").asString();
        JsonNode after = checkUpload("报告_v1.pdf", md5, data.length);
        JsonNode otherSize = checkUpload("报告_v1.pdf", md5, data.length + 1);

        assertThat(before.get("BaseResponse").get("Ret").asInt()).isZero();
        assertThat(before.get("MediaId").asString()).isEmpty();
        assertThat(before.get("AESKey").asString()).matches("[0-9a-f]{32}");
        assertThat(before.get("Signature").asString()).isNotEmpty();
        assertThat(before.get("EncryFileName").asString()).isEqualTo("%E6%8A%A5%E5%91%8A%5Fv1%2Epdf");
        assertThat(after.get("MediaId").asString()).isEqualTo(mediaId);
        assertThat(otherSize.get("MediaId").asString()).isEmpty();
    }

    private JsonNode checkUpload(String name, String md5, long size) {
        ObjectNode body = Json.object().<ObjectNode>set("BaseRequest", credentials.baseRequest())
                .put("FileMd5", md5).put("FileName", name).put("FileSize", size).put("FileType", 7)
                .put("FromUserName", "@self").put("ToUserName", "filehelper");
        return client.postJson(CGI + "webwxcheckupload", body);
    }

    /** The fields in a scrambled order, as openwechat sends them. */
    private JsonNode upload(String name, int size, int chunks, int chunk, byte[] data) {
        String boundary = "----WebKitFormBoundary" + chunk;
        var body = new ByteArrayOutputStream();
        String request = Json.object().put("UploadType", 2).<ObjectNode>set("BaseRequest", credentials.baseRequest())
                .put("ClientMediaId", 42).put("TotalLen", size).put("MediaType", 4).toString();
        field(body, boundary, "uploadmediarequest", request);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"filename\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        field(body, boundary, "chunk", Integer.toString(chunk));
        field(body, boundary, "mediatype", "doc");
        field(body, boundary, "size", Integer.toString(size));
        field(body, boundary, "chunks", Integer.toString(chunks));
        field(body, boundary, "name", name);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return Json.MAPPER.readTree(client.postMultipart(CGI + "webwxuploadmedia?f=json", boundary, body.toByteArray()).body());
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Injects and fetches the message as webwxsync delivers it. */
    private JsonNode inject(Map<String, ?> injection) {
        String msgId = control.injectMessage(accountId, injection).get("msgId").asString();
        JsonNode sync = client.postJson(CGI + "webwxsync?sid=" + credentials.sid(),
                Json.object().set("BaseRequest", credentials.baseRequest()));
        for (JsonNode message : sync.get("AddMsgList")) {
            if (message.get("MsgId").asString().equals(msgId)) {
                return message;
            }
        }
        throw new AssertionError("message " + msgId + " not in " + sync);
    }
}
