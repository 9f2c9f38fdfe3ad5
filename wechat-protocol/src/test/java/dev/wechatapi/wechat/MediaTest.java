package dev.wechatapi.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wechatapi.simulator.SimulatorConfig;
import dev.wechatapi.simulator.SimulatorControl;
import dev.wechatapi.simulator.WeChatSimulatorExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Downloading what friends send (§10) and sending media through chunked uploads (§9.2–9.6). */
class MediaTest {

    @RegisterExtension
    static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests()
            .withLoginPollHold(Duration.ofMillis(300))
            .withSyncCheckHold(Duration.ofMillis(300)));

    private final WeChatDriver driver = new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create(simulator.baseUrl())));
    private final SimulatorControl control = simulator.control();
    private String accountId;
    private WeChatSession session;
    private String friend;

    @BeforeEach
    void logIn() throws WeChatException {
        accountId = control.createAccount(Map.of("nickName", "小明😀", "friends", List.of("张伟", "老王🍺"), "groups", 0))
                .get("accountId").asString();
        session = Phones.logIn(driver, control, accountId);
        friend = control.account(accountId).get("friends").get(0).get("userName").asString();
    }

    @Test
    void downloadedImageIsTheAnnouncedPicture() throws Exception {
        WeChatMessage image = receive(Map.of("from", "张伟", "kind", "image", "width", 400, "height", 300, "format", "png"));

        MediaDownload download = session.download(image);

        assertThat(download.contentType()).isEqualTo("image/png");
        assertThat(download.fileName()).isEqualTo(image.msgId() + ".png");
        assertThat(download.length()).isEqualTo(download.bytes().length).isEqualTo(((MessageDetail.Image) image.detail()).length());
        var picture = ImageIO.read(new ByteArrayInputStream(download.bytes()));
        assertThat(picture.getWidth()).isEqualTo(400);
        assertThat(picture.getHeight()).isEqualTo(300);
    }

    @Test
    void downloadedVoiceAndVideoAreAudioAndVideo() throws Exception {
        WeChatMessage voice = receive(Map.of("from", "张伟", "kind", "voice", "lengthMs", 2000));
        WeChatMessage video = receive(Map.of("from", "张伟", "kind", "video", "playLength", 3, "size", 50_000));

        MediaDownload audio = session.download(voice);
        MediaDownload movie = session.download(video);

        assertThat(audio.contentType()).isEqualTo("audio/mp3");
        assertThat(new String(audio.bytes(), 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("ID3");
        assertThat(audio.length()).isEqualTo(((MessageDetail.Voice) voice.detail()).length());
        assertThat(movie.contentType()).isEqualTo("video/mp4");
        assertThat(new String(movie.bytes(), 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
        assertThat(movie.length()).isEqualTo(((MessageDetail.Video) video.detail()).length());
        assertThat(movie.fileName()).endsWith(".mp4");
    }

    @Test
    void downloadedFileKeepsItsNameAndBytes() throws Exception {
        WeChatMessage file = receive(Map.of("from", "张伟", "kind", "file", "fileName", "会议纪要 📝.txt", "text", "第一条：吃饭 🍚"));

        MediaDownload download = session.download(file);

        assertThat(download.fileName()).isEqualTo("会议纪要 📝.txt");
        assertThat(new String(download.bytes(), StandardCharsets.UTF_8)).isEqualTo("第一条：吃饭 🍚");
        assertThat(download.contentType()).isEqualTo("text/plain");
    }

    @Test
    void downloadedStickerIsAGif() throws Exception {
        WeChatMessage sticker = receive(Map.of("from", "张伟", "kind", "emoticon"));

        MediaDownload download = session.download(sticker);

        assertThat(download.contentType()).isEqualTo("image/gif");
        assertThat(new String(download.bytes(), 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("GIF");
    }

    @Test
    void locationDownloadsItsMapThumbnail() throws Exception {
        WeChatMessage location = receive(Map.of("from", "张伟", "kind", "location", "label", "人民广场"));

        MediaDownload map = session.download(location);

        assertThat(map.contentType()).isEqualTo("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(map.bytes())).getWidth()).isEqualTo(300);
    }

    @Test
    void textHasNothingToDownload() throws Exception {
        WeChatMessage text = receive(Map.of("from", "张伟", "text", "你好"));

        assertThatThrownBy(() -> session.download(text)).isInstanceOf(WeChatException.MediaUnavailable.class);
    }

    @Test
    void avatarIsAJpeg() throws Exception {
        WeChatContact zhang = session.contacts().getFirst();

        MediaDownload avatar = session.downloadAvatar(zhang);

        assertThat(avatar.contentType()).isEqualTo("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(avatar.bytes()))).isNotNull();
    }

    @Test
    void downloadAfterThePhoneLoggedOutIsLoggedOut() throws Exception {
        WeChatMessage image = receive(Map.of("from", "张伟", "kind", "image"));
        control.logout(accountId);

        assertThatThrownBy(() -> session.download(image)).isInstanceOf(WeChatException.LoggedOut.class);
    }

    @Test
    void sentImageArrivesWithItsBytes() throws Exception {
        byte[] png = simulatorPicture();

        SentMessage sent = session.sendImage(friend, "截图 😀.png", png);

        JsonNode recorded = lastSent();
        assertThat(recorded.get("msgId").asString()).isEqualTo(Long.toString(sent.msgId()));
        assertThat(recorded.get("kind").asString()).isEqualTo("image");
        assertThat(recorded.get("type").asInt()).isEqualTo(3);
        assertThat(recorded.get("fileName").asString()).isEqualTo("截图 😀.png");
        assertThat(recorded.get("size").asLong()).isEqualTo(png.length);
        assertThat(recorded.get("sha256").asString()).isEqualTo(sha256(png));
        assertThat(recorded.get("toNickName").asString()).isEqualTo("张伟");
    }

    @Test
    void largeFileGoesUpInThreeChunksAndArrivesWhole(@TempDir Path dir) throws Exception {
        byte[] data = new byte[1_200_000];
        new Random(7).nextBytes(data);
        Path file = Files.write(dir.resolve("年度报告.pdf"), data);

        session.sendFile(friend, file);

        JsonNode recorded = lastSent();
        assertThat(recorded.get("kind").asString()).isEqualTo("file");
        assertThat(recorded.get("type").asInt()).isEqualTo(6);
        assertThat(recorded.get("fileName").asString()).isEqualTo("年度报告.pdf");
        assertThat(recorded.get("size").asLong()).isEqualTo(1_200_000);
        assertThat(recorded.get("sha256").asString()).isEqualTo(sha256(data));
        assertThat(recorded.get("content").asString()).contains("<title>年度报告.pdf</title>", "<totallen>1200000</totallen>");
    }

    @Test
    void sentVideoAndGifArriveThroughTheirOwnCalls() throws Exception {
        byte[] mp4 = "....ftypisom fake movie".getBytes(StandardCharsets.ISO_8859_1);
        byte[] gif = "GIF89a tiny".getBytes(StandardCharsets.ISO_8859_1);

        session.sendVideo(friend, "clip.mp4", mp4);
        session.sendImage(friend, "dance.gif", gif);

        JsonNode sent = control.sent(accountId);
        assertThat(sent.get(0).get("kind").asString()).isEqualTo("video");
        assertThat(sent.get(0).get("type").asInt()).isEqualTo(43);
        assertThat(sent.get(0).get("sha256").asString()).isEqualTo(sha256(mp4));
        assertThat(sent.get(1).get("kind").asString()).isEqualTo("emoticon");
        assertThat(sent.get(1).get("type").asInt()).isEqualTo(47);
        assertThat(sent.get(1).get("contentType").asString()).isEqualTo("image/gif");
    }

    @Test
    void capabilitiesIncludeMediaSends() {
        assertThat(driver.capabilities().sends()).contains("text", "image", "file", "video");
    }

    @Test
    void rateLimitedMediaSendIsTyped() {
        control.failNextSends(accountId, 1205, 1);

        assertThatThrownBy(() -> session.sendImage(friend, "a.jpg", simulatorPicture()))
                .isInstanceOf(WeChatException.RateLimited.class);
    }

    private byte[] simulatorPicture() throws WeChatException {
        return session.download(receive(Map.of("from", "老王🍺", "kind", "image", "width", 64, "height", 48))).bytes();
    }

    private JsonNode lastSent() {
        JsonNode sent = control.sent(accountId);
        return sent.get(sent.size() - 1);
    }

    private WeChatMessage receive(Map<String, ?> injection) throws WeChatException {
        String msgId = control.injectMessage(accountId, injection).get("msgId").asString();
        SyncBatch batch = Phones.syncUntil(session, seen -> seen.messages().stream().anyMatch(m -> m.msgId().equals(msgId)));
        return batch.messages().stream().filter(m -> m.msgId().equals(msgId)).findFirst().orElseThrow();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
