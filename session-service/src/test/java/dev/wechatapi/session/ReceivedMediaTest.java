package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wechatapi.events.EventTypes;
import dev.wechatapi.events.MessageEvent;
import dev.wechatapi.events.MessageType;
import dev.wechatapi.media.MediaStore;
import dev.wechatapi.media.StoredMedia;
import dev.wechatapi.session.media.DownloadSizeLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pictures, stickers, voice, video and files friends send: their bytes land in the media store before the
 * {@code RECEIVED} event, which carries the media id; a download that fails, is late or too big costs the event its
 * media id, never the event. The tests' limits: 1 MB per medium, 3 s per batch. Downloads are bounded on the wire
 * too ({@link DownloadSizeLimit}), for answers bigger than their message announced.
 */
class ReceivedMediaTest extends SessionServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    MediaStore store;

    @AfterEach
    void clearFaults() {
        control.clearFaults();
    }

    @Test
    void aFriendsPictureIsStoredWithTheSimulatorsBytesBeforeItsEventIsPublished() {
        LoggedIn app = login();

        String msgId = inject(app, Map.of("from", "李娜", "kind", "image", "width", 320, "height", 200,
                "format", "png"));

        MessageEvent event = received(app, msgId);
        assertThat(event.type()).isEqualTo(MessageType.Picture);
        assertThat(event.content().imgWidth()).isEqualTo(320);
        assertStoredAsOnWeChat(app, event, "image/png", onWeChat(app, "webwxgetmsgimg", msgId));
        assertThat(event.content().fileName()).isEqualTo(msgId + ".png");
    }

    @Test
    void voiceVideoAndAStickerAreStoredWithTheSimulatorsBytes() {
        LoggedIn app = login();

        String voice = inject(app, Map.of("from", "张伟 🐼", "kind", "voice", "lengthMs", 2000));
        String video = inject(app, Map.of("from", "张伟 🐼", "kind", "video", "playLength", 3, "size", 40_000));
        String sticker = inject(app, Map.of("group", "周末爬山群 ⛰️", "member", "李娜", "kind", "emoticon"));

        MessageEvent recording = received(app, voice);
        assertThat(recording.type()).isEqualTo(MessageType.Recording);
        assertStoredAsOnWeChat(app, recording, "audio/mp3", onWeChat(app, "webwxgetvoice", voice));
        MessageEvent movie = received(app, video);
        assertThat(movie.type()).isEqualTo(MessageType.Video);
        assertThat(movie.content().playLength()).isEqualTo(3);
        assertStoredAsOnWeChat(app, movie, "video/mp4", onWeChat(app, "webwxgetvideo", video));
        MessageEvent gif = received(app, sticker);
        assertThat(gif.type()).isEqualTo(MessageType.Picture);
        assertStoredAsOnWeChat(app, gif, "image/gif", onWeChat(app, "webwxgetmsgimg", sticker));
    }

    @Test
    void aFileIsStoredUnderItsOwnNameWithItsBytes() {
        LoggedIn app = login();
        byte[] minutes = "第一条：周六 7 点集合 ⛰️\n第二条：带水".getBytes(StandardCharsets.UTF_8);

        String msgId = inject(app, Map.of("from", "王芳", "kind", "file", "fileName", "会议纪要 📝.txt",
                "base64", Base64.getEncoder().encodeToString(minutes)));

        MessageEvent event = received(app, msgId);
        assertThat(event.type()).isEqualTo(MessageType.Attachment);
        assertThat(event.content().fileName()).isEqualTo("会议纪要 📝.txt");
        assertThat(event.content().fileSize()).isEqualTo(minutes.length);
        StoredMedia stored = assertStoredAsOnWeChat(app, event, "text/plain", minutes);
        assertThat(stored.fileName()).isEqualTo("会议纪要 📝.txt");
    }

    @Test
    void aPictureWhoseDownloadFailsIsStillPublishedWithoutAMediaId() {
        LoggedIn app = login();
        // Every attempt dropped: OkHttp retries a GET on each pooled connection it still holds to the simulator.
        control.fault("webwxgetmsgimg", 0, true, false, 1_000);

        String msgId = inject(app, Map.of("from", "李娜", "kind", "image"));

        MessageEvent event = received(app, msgId);
        assertThat(event.type()).isEqualTo(MessageType.Picture);
        assertThat(event.content().mediaId()).isNull();
        assertThat(event.content().imgWidth()).isEqualTo(640);
    }

    @Test
    void aDownloadSlowerThanTheTimeoutDoesNotHoldTheMessageOrTheOnesAfterIt() {
        LoggedIn app = login();
        control.fault("webwxgetvoice", 8_000, false, false, 1);

        String voice = inject(app, Map.of("from", "李娜", "kind", "voice"));
        MessageEvent late = received(app, voice);
        String text = control.sendText(app.accountId(), "李娜", "听到了吗？");

        assertThat(late.content().mediaId()).isNull();
        assertThat(received(app, text).content().text()).isEqualTo("听到了吗？");
    }

    @Test
    void aFileAnnouncedBiggerThanTheLimitIsPublishedWithoutBeingDownloaded() {
        LoggedIn app = login();

        String msgId = inject(app, Map.of("from", "王芳", "kind", "file", "fileName", "big.bin",
                "size", 1536 * 1024));

        MessageEvent event = received(app, msgId);
        assertThat(event.content().mediaId()).isNull();
        assertThat(event.content().fileName()).isEqualTo("big.bin");
        assertThat(event.content().fileSize()).isEqualTo(1536 * 1024);
    }

    @Test
    void aDownloadOverTheLimitIsCutOffOnTheWireAndOthersPassWhole() {
        LoggedIn app = login();
        String msgId = inject(app, Map.of("from", "李娜", "kind", "image", "width", 200, "height", 100));
        byte[] picture = onWeChat(app, "webwxgetmsgimg", msgId);
        Request download = new Request.Builder().url(downloadUri(app, "webwxgetmsgimg", msgId).toString()).build();

        OkHttpClient small = new OkHttpClient.Builder()
                .addInterceptor(new DownloadSizeLimit(picture.length - 1)).build();
        OkHttpClient large = new OkHttpClient.Builder()
                .addInterceptor(new DownloadSizeLimit(picture.length)).build();

        assertThatThrownBy(() -> {
            try (Response cut = small.newCall(download).execute()) {
                cut.body().bytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("max-size");
        try (Response whole = large.newCall(download).execute()) {
            assertThat(whole.body().bytes()).isEqualTo(picture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String inject(LoggedIn app, Map<String, ?> message) {
        return control.injectMessage(app.accountId(), message).get("msgId").asString();
    }

    private MessageEvent received(LoggedIn app, String msgId) {
        return events.await(app.appId(), EventTypes.MESSAGE_RECEIVED, MessageEvent.class,
                m -> m.msgId() == Long.parseLong(msgId));
    }

    private StoredMedia assertStoredAsOnWeChat(LoggedIn app, MessageEvent event, String contentType, byte[] bytes) {
        assertThat(event.content().mediaId()).as("media id of message %s", event.msgId()).isNotNull();
        StoredMedia stored = store.find(app.appId(), event.content().mediaId()).orElseThrow();
        assertThat(stored.contentType()).isEqualTo(contentType);
        assertThat(stored.size()).isEqualTo(bytes.length).isEqualTo(event.content().fileSize());
        assertThat(stored.sha256()).isEqualTo(sha256(bytes));
        try (InputStream in = store.open(app.appId(), stored.mediaId(), null)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stored;
    }

    /** The bytes the simulator serves for a message, fetched directly (it knows the session by the account's uin). */
    private byte[] onWeChat(LoggedIn app, String endpoint, String msgId) {
        try {
            HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(downloadUri(app, endpoint, msgId)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI downloadUri(LoggedIn app, String endpoint, String msgId) {
        long uin = control.account(app.accountId()).get("uin").asLong();
        return URI.create(SIMULATOR.baseUrl() + "/cgi-bin/mmwebwx-bin/" + endpoint + "?msgid=" + msgId
                + "&uin=" + uin);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
