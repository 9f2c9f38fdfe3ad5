package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.media.Images;
import dev.wechatapi.simulator.internal.media.MediaBlobs;
import dev.wechatapi.simulator.internal.media.StoredMedia;
import dev.wechatapi.simulator.internal.session.MessageIds;
import dev.wechatapi.simulator.internal.session.Session;
import dev.wechatapi.simulator.internal.session.WireMessage;
import dev.wechatapi.simulator.internal.session.WireMessage.MediaFields;
import dev.wechatapi.simulator.internal.session.WireMessage.RecommendInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * Injected messages that carry bytes (§8.4): image (3), voice (34), video (43), emoticon (47) and file (49/6).
 * Each gets real bytes the download endpoints serve, and the Content XML and §8.1 fields the real server sends.
 */
final class MediaMessages {

    private static final int THUMB_WIDTH = 120;

    private MediaMessages() {}

    static WireMessage image(JsonNode body, Session session, Envelope envelope) {
        long id = MessageIds.next();
        int width = dimension(body, "width", 640);
        int height = dimension(body, "height", 480);
        String format = Json.text(body, "format") == null ? "jpg" : Json.text(body, "format").replace("jpeg", "jpg");
        if (!format.equals("jpg") && !format.equals("png")) {
            throw ControlFailure.badRequest("format must be jpg or png");
        }
        byte[] bytes = Images.picture(width, height, format, id);
        int thumbHeight = Math.max(1, height * THUMB_WIDTH / width);
        byte[] thumb = Images.picture(THUMB_WIDTH, thumbHeight, "jpg", id);
        var media = new StoredMedia(bytes, format.equals("png") ? "image/png" : "image/jpeg", id + "." + format, thumb);
        session.attachMedia(Long.toString(id), null, media);
        String xml = "<?xml version=\"1.0\"?>\n<msg>\n\t<img aeskey=\"" + WireXml.hex(16) + "\" encryver=\"1\" cdnthumbaeskey=\""
                + WireXml.hex(16) + "\" cdnthumburl=\"" + cdnUrl() + "\" cdnthumblength=\"" + thumb.length
                + "\" cdnthumbheight=\"" + thumbHeight + "\" cdnthumbwidth=\"" + THUMB_WIDTH + "\" cdnmidheight=\"0\""
                + " cdnmidwidth=\"0\" cdnhdheight=\"0\" cdnhdwidth=\"0\" cdnmidimgurl=\"" + cdnUrl() + "\" length=\""
                + bytes.length + "\" md5=\"" + media.md5() + "\" />\n</msg>\n";
        var fields = new MediaFields("", "", -1, "", "", 0, 0, width, height, "", "", RecommendInfo.NONE);
        return message(id, 3, 0, envelope, WireXml.content(xml), fields);
    }

    static WireMessage voice(JsonNode body, Session session, Envelope envelope) {
        long id = MessageIds.next();
        int lengthMs = dimension(body, "lengthMs", 3_000);
        byte[] bytes = MediaBlobs.voice(lengthMs, id);
        session.attachMedia(Long.toString(id), null, new StoredMedia(bytes, "audio/mp3", id + ".mp3", null));
        String xml = "<msg><voicemsg endflag=\"1\" cancelflag=\"0\" forwardflag=\"0\" voiceformat=\"4\" voicelength=\""
                + lengthMs + "\" length=\"" + bytes.length + "\" bufid=\"0\" clientmsgid=\"" + WireXml.hex(12)
                + "\" fromusername=\"" + envelope.senderWxid() + "\" /></msg>";
        var fields = new MediaFields("", "", -1, "", "", lengthMs, 0, 0, 0, "", "", RecommendInfo.NONE);
        return message(id, 34, 0, envelope, WireXml.content(xml), fields);
    }

    static WireMessage video(JsonNode body, Session session, Envelope envelope) {
        long id = MessageIds.next();
        int seconds = dimension(body, "playLength", 8);
        int width = dimension(body, "width", 540);
        int height = dimension(body, "height", 960);
        int size = dimension(body, "size", Math.min(2_000_000, seconds * 20_000));
        byte[] bytes = MediaBlobs.video(size, id);
        int thumbHeight = Math.max(1, height * THUMB_WIDTH / width);
        byte[] thumb = Images.picture(THUMB_WIDTH, thumbHeight, "jpg", id);
        var media = new StoredMedia(bytes, "video/mp4", id + ".mp4", thumb);
        session.attachMedia(Long.toString(id), null, media);
        String xml = "<?xml version=\"1.0\"?>\n<msg>\n\t<videomsg aeskey=\"" + WireXml.hex(16) + "\" cdnthumbaeskey=\""
                + WireXml.hex(16) + "\" cdnvideourl=\"" + cdnUrl() + "\" cdnthumburl=\"" + cdnUrl() + "\" length=\""
                + bytes.length + "\" playlength=\"" + seconds + "\" cdnthumblength=\"" + thumb.length
                + "\" cdnthumbwidth=\"" + THUMB_WIDTH + "\" cdnthumbheight=\"" + thumbHeight + "\" fromusername=\""
                + envelope.senderWxid() + "\" md5=\"" + media.md5() + "\" newmd5=\"\" isad=\"0\" />\n</msg>\n";
        var fields = new MediaFields("", "", -1, "", "", 0, seconds, THUMB_WIDTH, thumbHeight, "", "", RecommendInfo.NONE);
        return message(id, 43, 0, envelope, WireXml.content(xml), fields);
    }

    static WireMessage emoticon(JsonNode body, Session session, Envelope envelope) {
        long id = MessageIds.next();
        int side = dimension(body, "width", 120);
        byte[] bytes = Images.picture(side, side, "gif", id);
        var media = new StoredMedia(bytes, "image/gif", id + ".gif", bytes);
        session.attachMedia(Long.toString(id), null, media);
        String xml = "<msg><emoji fromusername=\"" + envelope.senderWxid() + "\" tousername=\"\" type=\"2\" idbuffer=\"media:0_0\""
                + " md5=\"" + media.md5() + "\" len=\"" + bytes.length + "\" productid=\"\" androidmd5=\"" + media.md5()
                + "\" androidlen=\"" + bytes.length + "\" cdnurl=\"http://emoji.qpic.cn/wx_emoji/" + WireXml.hex(20)
                + "/\" designerid=\"\" thumburl=\"\" encrypturl=\"\" aeskey=\"\" width=\"" + side + "\" height=\"" + side
                + "\" /></msg>";
        var fields = new MediaFields("", "", -1, "", "", 0, 0, side, side, "", "", RecommendInfo.NONE);
        return message(id, 47, 0, envelope, WireXml.content(xml), fields);
    }

    /** {@code fileName} plus the bytes as {@code base64}, as {@code text} (UTF-8), or {@code size} generated bytes. */
    static WireMessage file(JsonNode body, Session session, Envelope envelope) {
        long id = MessageIds.next();
        String name = Json.text(body, "fileName") == null ? "报告.pdf" : Json.text(body, "fileName");
        byte[] bytes = fileBytes(body, id);
        String mediaId = "@crypt_" + WireXml.hex(8) + "_" + WireXml.hex(64);
        var media = new StoredMedia(bytes, MediaBlobs.contentType(name), name, null);
        session.attachMedia(Long.toString(id), mediaId, media);
        String title = WireXml.value(name);
        String xml = "<?xml version=\"1.0\"?>\n<msg>\n<appmsg appid=\"\" sdkver=\"0\">\n<title>" + title + "</title>\n<des></des>\n"
                + "<action></action>\n<type>6</type>\n<showtype>0</showtype>\n<content></content>\n<url></url>\n"
                + "<appattach>\n<totallen>" + bytes.length + "</totallen>\n<attachid>@cdn_" + WireXml.hex(32)
                + "_1</attachid>\n<fileext>" + WireXml.value(MediaBlobs.extension(name)) + "</fileext>\n</appattach>\n<md5>"
                + media.md5() + "</md5>\n</appmsg>\n<fromusername>" + envelope.senderWxid()
                + "</fromusername>\n<scene>0</scene>\n<appinfo>\n<version>1</version>\n<appname></appname>\n</appinfo>\n"
                + "<commenturl></commenturl>\n</msg>\n";
        var fields = new MediaFields("", name, bytes.length, mediaId, encryFileName(name), 0, 0, 0, 0, "", "", RecommendInfo.NONE);
        return message(id, 49, 6, envelope, WireXml.content(xml), fields);
    }

    static WireMessage message(long id, int msgType, int appMsgType, Envelope envelope, String content, MediaFields fields) {
        return new WireMessage(id, msgType, 0, appMsgType, envelope.from(), envelope.to(), envelope.prefix() + content, 0, "",
                Instant.now(), fields);
    }

    /** The file name URL-escaped with {@code .} and {@code _} escaped too ({@code IMG%5F1854%2EJPG}), as WeChat does. */
    static String encryFileName(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace(".", "%2E").replace("_", "%5F");
    }

    private static byte[] fileBytes(JsonNode body, long seed) {
        String base64 = Json.text(body, "base64");
        if (base64 != null) {
            try {
                return Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException notBase64) {
                throw ControlFailure.badRequest("base64 is not valid Base64");
            }
        }
        String text = Json.text(body, "text");
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return MediaBlobs.filler(dimension(body, "size", 2_048), seed);
    }

    private static int dimension(JsonNode body, String field, int fallback) {
        long value = Json.number(body, field, fallback);
        long max = field.equals("width") || field.equals("height") ? 4_096 : 50_000_000;
        if (value < 1 || value > max) {
            throw ControlFailure.badRequest(field + " must be between 1 and " + max);
        }
        return (int) value;
    }

    private static String cdnUrl() {
        return "3057020100044b304902010002" + WireXml.hex(24);
    }
}
