package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wechatapi.events.Direction;
import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.media.MediaStore;
import dev.wechatapi.media.StoredMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Pictures, files and videos uploaded as multipart forms, sent to WeChat and kept in the media store (the answer links
 * them at the gateway); the tests' size limit is 2 MB.
 */
class MediaSendTest extends SessionServiceTest {

    @Autowired
    MediaStore store;

    @Test
    void aPictureReachesWeChatWithItsNameSizeAndHashAndIsPublishedAsPicture() throws IOException {
        LoggedIn app = login();
        String lina = app.puidOf("李娜");
        byte[] png = png(64, 48);

        Map<String, Object> sent = client.post().uri("/send-message").header("X-Wechat-App-Id", app.appId())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.example.com")
                .header("X-Forwarded-Port", "443").header("X-Forwarded-Prefix", "/wx")
                .body(BodyInserters.fromMultipartData(form("image", lina, "日落 sunset.png", png).build()))
                .exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

        MessageEvent event = sentEvent(app, sent);
        assertThat(sent).containsEntry("msg_type", "Picture").containsEntry("receiver_puid", lina);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("message", sent.get("id"));
        content.put("image", "https://api.example.com/wx/media/" + event.content().mediaId());
        content.put("img_height", 48);
        content.put("img_width", 64);
        assertThat(sent.get("content")).isEqualTo(content);
        assertRecordedOnWeChat(app, "image", "日落 sunset.png", png);
        assertStored(app, event, "image/png", "日落 sunset.png", png);

        assertThat(event.direction()).isEqualTo(Direction.SENT);
        assertThat(event.type()).isEqualTo(MessageType.Picture);
        assertThat(event.rawMsgType()).isEqualTo(3);
        assertThat(event.content().fileName()).isEqualTo("日落 sunset.png");
        assertThat(event.content().fileSize()).isEqualTo(png.length);
        assertThat(event.content().imgWidth()).isEqualTo(64);
        assertThat(event.content().imgHeight()).isEqualTo(48);
    }

    @Test
    void aFileOfMoreThanOneMebibyteToAGroupIsSentWholeAndPublishedAsAttachment() {
        LoggedIn app = login();
        byte[] report = randomBytes(1536 * 1024, 7);

        Map<String, Object> sent = send(app.appId(), "file", app.groupPuid(), "季度报告 Q3.pdf", report)
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

        assertThat(sent).containsEntry("msg_type", "Attachment")
                .containsEntry("type", Map.of("sender", "wxusermodel", "receiver", "wxgroupmodel"));
        MessageEvent event = sentEvent(app, sent);
        assertThat(contentOf(sent)).containsEntry("file_size", report.length)
                .containsEntry("file", "http://localhost:" + port + "/media/" + event.content().mediaId())
                .containsOnlyKeys("message", "file_size", "file");
        assertRecordedOnWeChat(app, "file", "季度报告 Q3.pdf", report);
        assertStored(app, event, "application/pdf", "季度报告 Q3.pdf", report);
        assertThat(event.type()).isEqualTo(MessageType.Attachment);
        assertThat(event.content().fileName()).isEqualTo("季度报告 Q3.pdf");
        assertThat(event.content().fileSize()).isEqualTo(report.length);
    }

    @Test
    void aVideoIsSentWithThePlayLengthOfItsMovieHeader() {
        LoggedIn app = login();
        byte[] clip = mp4(7_500, 300 * 1024);

        Map<String, Object> sent = send(app.appId(), "video", app.puidOf("王芳"), "clip.mp4", clip)
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

        assertThat(sent).containsEntry("msg_type", "Video");
        MessageEvent event = sentEvent(app, sent);
        assertThat(contentOf(sent)).containsEntry("play_length", 8)
                .containsEntry("video", "http://localhost:" + port + "/media/" + event.content().mediaId());
        assertRecordedOnWeChat(app, "video", "clip.mp4", clip);
        assertStored(app, event, "video/mp4", "clip.mp4", clip);
        assertThat(event.type()).isEqualTo(MessageType.Video);
        assertThat(event.rawMsgType()).isEqualTo(43);
        assertThat(event.content().playLength()).isEqualTo(8);
        assertThat(event.content().fileSize()).isEqualTo(clip.length);
    }

    @Test
    void aMediaSendWithoutAFileOrWithAnEmptyOneGetsTheContractsText() {
        LoggedIn app = login();
        String expected = "{\"errmsg\": \"type不为text时, file为必填参数！\", \"code\": \"file_required\"}";

        MultipartBodyBuilder noFile = new MultipartBodyBuilder();
        noFile.part("type", "image");
        noFile.part("puid", app.puidOf("李娜"));
        client.post().uri("/send-message").header("X-Wechat-App-Id", app.appId())
                .body(BodyInserters.fromMultipartData(noFile.build()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().json(expected, JsonCompareMode.STRICT);
        send(app.appId(), "file", app.puidOf("李娜"), "empty.txt", new byte[0])
                .expectStatus().isBadRequest()
                .expectBody().json(expected, JsonCompareMode.STRICT);

        assertThat(control.sent(app.accountId())).isEmpty();
    }

    @Test
    void anUploadBeyondTheSizeLimitIsA413AndNeverReachesWeChat() throws IOException {
        LoggedIn app = login();
        Set<String> uploadsBefore = uploadsOnDisk();

        send(app.appId(), "file", app.puidOf("张伟 🐼"), "big.bin", randomBytes(2 * 1024 * 1024 + 1, 3))
                .expectStatus().isEqualTo(413)
                .expectBody().json("{\"errmsg\": \"文件过大, 最大2MB\", \"code\": \"file_too_large\"}",
                        JsonCompareMode.STRICT);

        assertThat(control.sent(app.accountId())).isEmpty();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(uploadsOnDisk()).isSubsetOf(uploadsBefore));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            multipart/form-data            | --x\\r\\nContent-Disposition: form-data; name="type"\\r\\n\\r\\nimage\\r\\n--x--\\r\\n
            multipart/form-data; boundary=x | --x\\r\\nContent-Disposition: form-data; name="file"; filename="a.png"\\r\\n\\r\\nabc
            multipart/form-data; boundary=x | not a multipart body at all
            """)
    void aMalformedMultipartBodyIsA400(String contentType, String body) {
        client.post().uri("/send-message").header("X-Wechat-App-Id", newAppId())
                .header("Content-Type", contentType)
                .bodyValue(body.replace("\\r\\n", "\r\n"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("bad_request");
    }

    @Test
    void textAndMediaSendsOfOneAccountReachWeChatInTheOrderTheyCame() throws Exception {
        LoggedIn app = login();
        Set<String> uploadsBefore = uploadsOnDisk();
        String lina = app.puidOf("李娜");
        List<Mono<Integer>> inFlight = new ArrayList<>();
        List<Mono<Integer>> sends = List.of(
                text(app.appId(), lina, "一"),
                media(app.appId(), "image", lina, "a.png", png(8, 8)),
                text(app.appId(), lina, "三"),
                media(app.appId(), "file", lina, "b.txt", "四".getBytes(StandardCharsets.UTF_8)),
                media(app.appId(), "video", lina, "c.mp4", mp4(1000, 1024)));
        for (Mono<Integer> send : sends) {
            Mono<Integer> answer = send.cache();
            answer.subscribe();
            inFlight.add(answer);
            Thread.sleep(80);
        }

        assertThat(Flux.concat(inFlight).collectList().block(Duration.ofSeconds(30))).containsOnly(201);
        assertThat(StreamSupport.stream(control.sent(app.accountId()).spliterator(), false)
                .map(r -> r.get("kind").asString() + ":" + (r.has("fileName") ? r.get("fileName").asString()
                        : r.get("content").asString())))
                .containsExactly("text:一", "image:a.png", "text:三", "file:b.txt", "video:c.mp4");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(uploadsOnDisk()).isSubsetOf(uploadsBefore));
    }

    /** The service's parked uploads (its temp files); each must go when its request ends. */
    private static Set<String> uploadsOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("wechat-send-"))
                    .collect(Collectors.toSet());
        }
    }

    private WebTestClient.ResponseSpec send(String appId, String type, String puid, String fileName, byte[] bytes) {
        return client.post().uri("/send-message").header("X-Wechat-App-Id", appId)
                .body(BodyInserters.fromMultipartData(form(type, puid, fileName, bytes).build()))
                .exchange();
    }

    private Mono<Integer> media(String appId, String type, String puid, String fileName, byte[] bytes) {
        return WebClient.create("http://localhost:" + port)
                .post().uri("/send-message").header("X-Wechat-App-Id", appId)
                .body(BodyInserters.fromMultipartData(form(type, puid, fileName, bytes).build()))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
    }

    private Mono<Integer> text(String appId, String puid, String text) {
        return WebClient.create("http://localhost:" + port)
                .post().uri("/send-message").header("X-Wechat-App-Id", appId)
                .bodyValue(Map.of("type", "text", "puid", puid, "text", text))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
    }

    private static MultipartBodyBuilder form(String type, String puid, String fileName, byte[] bytes) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("type", type);
        form.part("puid", puid);
        form.part("file", bytes).filename(fileName);
        return form;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contentOf(Map<String, Object> sent) {
        return (Map<String, Object>) sent.get("content");
    }

    private void assertRecordedOnWeChat(LoggedIn app, String kind, String fileName, byte[] bytes) {
        JsonNode onWeChat = control.sent(app.accountId());
        assertThat(onWeChat).hasSize(1);
        JsonNode record = onWeChat.get(0);
        assertThat(record.get("kind").asString()).isEqualTo(kind);
        assertThat(record.get("fileName").asString()).isEqualTo(fileName);
        assertThat(record.get("size").asLong()).isEqualTo(bytes.length);
        assertThat(record.get("sha256").asString()).isEqualToIgnoringCase(sha256(bytes));
    }

    private void assertStored(LoggedIn app, MessageEvent event, String contentType, String fileName, byte[] bytes) {
        assertThat(event.content().mediaId()).isNotNull();
        StoredMedia stored = store.find(app.appId(), event.content().mediaId()).orElseThrow();
        assertThat(stored.contentType()).isEqualTo(contentType);
        assertThat(stored.fileName()).isEqualTo(fileName);
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(stored.sha256()).isEqualTo(sha256(bytes));
    }

    private MessageEvent sentEvent(LoggedIn app, Map<String, Object> sent) {
        long msgId = Long.parseLong((String) sent.get("id_str"));
        return events.await(app.appId(), EventTypes.MESSAGE_SENT, MessageEvent.class, m -> m.msgId() == msgId);
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A minimal MP4: ftyp, a moov with a version-0 movie header (timescale 1000), then media data. */
    private static byte[] mp4(int durationMillis, int mediaBytes) {
        ByteBuffer mp4 = ByteBuffer.allocate(16 + 8 + 108 + 8 + mediaBytes);
        mp4.putInt(16).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200);
        mp4.putInt(8 + 108).put(ascii("moov"));
        mp4.putInt(108).put(ascii("mvhd")).putInt(0).putInt(0).putInt(0).putInt(1000).putInt(durationMillis);
        mp4.position(mp4.position() + 108 - 28);
        mp4.putInt(8 + mediaBytes).put(ascii("mdat"));
        mp4.put(randomBytes(mediaBytes, 11));
        return mp4.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
