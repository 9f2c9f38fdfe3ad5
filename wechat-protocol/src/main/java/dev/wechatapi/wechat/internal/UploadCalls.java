package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.SentMessage;
import dev.wechatapi.wechat.WeChatException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sending media: {@code webwxuploadmedia} on the file host in chunks of 512 KiB (§9.2), then the send call of the
 * kind: {@code webwxsendmsgimg} (§9.3), {@code webwxsendvideomsg} (§9.4), {@code webwxsendappmsg} with the file's
 * appmsg XML (§9.5), or {@code webwxsendemoticon} for GIFs (§9.6), which WeChat only animates as stickers.
 * Files over 25 MB are announced with {@code webwxcheckupload} first (§11.6, as openwechat does): a file WeChat
 * already has is sent by the MediaId it answers, without uploading again; otherwise the upload request carries the
 * {@code AESKey} and {@code Signature} it answered, and a file's send carries the {@code Signature}.
 */
final class UploadCalls {

    /** Every client uploads in chunks of 512 KiB. */
    static final int CHUNK_SIZE = 512 * 1024;
    /** Above this size openwechat asks webwxcheckupload first. */
    static final int CHECK_UPLOAD_ABOVE = 25 * 1024 * 1024;
    /** {@code FileType} of webwxcheckupload, as openwechat sends it. */
    private static final int CHECK_UPLOAD_FILE_TYPE = 7;
    private static final Set<String> PICTURES = Set.of("bmp", "jpeg", "jpg", "png");
    private static final Map<String, String> TYPES = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png",
            "gif", "image/gif", "bmp", "image/bmp", "mp4", "video/mp4");
    private static final DateTimeFormatter JS_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'Z", Locale.ENGLISH).withZone(ZoneId.of("Asia/Shanghai"));
    private static final String FILE_APP_ID = "wxeb7ec651dd0aefa9";

    private final SessionContext session;
    private final SendCalls send;

    /** What an upload left to send with: the MediaId and, for a large file, the Signature webwxcheckupload gave. */
    private record Uploaded(String mediaId, String signature) {}

    /** webwxcheckupload's answer: a MediaId when WeChat already has the file, else the keys for the upload. */
    private record UploadCheck(String mediaId, String aesKey, String signature) {}

    UploadCalls(SessionContext session, SendCalls send) {
        this.session = session;
        this.send = send;
    }

    SentMessage sendImage(String toUserName, String fileName, byte[] bytes) throws WeChatException {
        if (extension(fileName).equals("gif")) {
            String mediaId = upload(toUserName, fileName, bytes, "doc").mediaId();
            return send.sendMedia("webwxsendemoticon", "sys", toUserName, msg -> msg.put("Type", 47).put("EmojiFlag", 2)
                    .put("MediaId", mediaId));
        }
        String mediaId = upload(toUserName, fileName, bytes, mediaTypeOf(fileName)).mediaId();
        return send.sendMedia("webwxsendmsgimg", "async", toUserName, msg -> msg.put("Type", 3).put("MediaId", mediaId)
                .put("Content", ""));
    }

    SentMessage sendVideo(String toUserName, String fileName, byte[] bytes) throws WeChatException {
        String mediaId = upload(toUserName, fileName, bytes, "video").mediaId();
        return send.sendMedia("webwxsendvideomsg", "async", toUserName, msg -> msg.put("Type", 43).put("MediaId", mediaId)
                .put("Content", ""));
    }

    /** {@code Type: 6} is the AppMsgType, as every client sends it; the MediaId travels as {@code <attachid>}. */
    SentMessage sendFile(String toUserName, String fileName, byte[] bytes) throws WeChatException {
        Uploaded uploaded = upload(toUserName, fileName, bytes, "doc");
        String mediaId = uploaded.mediaId();
        String xml = "<appmsg appid='" + FILE_APP_ID + "' sdkver=''><title>" + xmlText(fileName) + "</title><des></des>"
                + "<action></action><type>6</type><content></content><url></url><lowurl></lowurl><appattach><totallen>"
                + bytes.length + "</totallen><attachid>" + mediaId + "</attachid><fileext>" + xmlText(extension(fileName))
                + "</fileext></appattach><extinfo></extinfo></appmsg>";
        return send.sendMedia("webwxsendappmsg", "async", toUserName, msg -> {
            msg.put("Type", 6).put("Content", xml);
            if (!uploaded.signature().isEmpty()) {
                msg.put("Signature", uploaded.signature());
            }
        });
    }

    /** Uploads in chunks (unless WeChat already has a large file); returns the MediaId to send by. */
    private Uploaded upload(String toUserName, String fileName, byte[] bytes, String mediaType) throws WeChatException {
        if (bytes.length == 0) {
            throw new WeChatException.MediaUnavailable("cannot send the empty file " + fileName);
        }
        String md5 = md5(bytes);
        UploadCheck check = bytes.length > CHECK_UPLOAD_ABOVE ? checkUpload(toUserName, fileName, bytes.length, md5)
                : new UploadCheck("", "", "");
        if (!check.mediaId().isEmpty()) {
            return new Uploaded(check.mediaId(), check.signature());
        }
        String mime = TYPES.getOrDefault(extension(fileName), "application/octet-stream");
        int chunks = (bytes.length - 1) / CHUNK_SIZE + 1;
        ObjectNode uploadRequest = uploadRequest(toUserName, bytes, md5);
        if (!check.signature().isEmpty()) {
            uploadRequest.put("AESKey", check.aesKey()).put("Signature", check.signature());
        }
        String request = uploadRequest.toString();
        String dataTicket = session.cookies().value("webwx_data_ticket").orElse("");
        String lastModified = JS_DATE.format(Instant.now()) + " (中国标准时间)";
        String mediaId = "";
        for (int chunk = 0; chunk < chunks; chunk++) {
            int from = chunk * CHUNK_SIZE;
            int to = Math.min(bytes.length, from + CHUNK_SIZE);
            var form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("id", "WU_FILE_0")
                    .addFormDataPart("name", fileName)
                    .addFormDataPart("type", mime)
                    .addFormDataPart("lastModifiedDate", lastModified)
                    .addFormDataPart("size", Integer.toString(bytes.length));
            if (chunks > 1) {
                form.addFormDataPart("chunks", Integer.toString(chunks)).addFormDataPart("chunk", Integer.toString(chunk));
            }
            form.addFormDataPart("mediatype", mediaType)
                    .addFormDataPart("uploadmediarequest", request)
                    .addFormDataPart("webwx_data_ticket", dataTicket)
                    .addFormDataPart("pass_ticket", session.passTicket())
                    .addFormDataPart("filename", fileName,
                            RequestBody.create(Arrays.copyOfRange(bytes, from, to), MediaType.get("application/octet-stream")));
            JsonNode answer = WebCalls.parse(session.calls().text(new Request.Builder()
                    .url(session.hosts().onFile("webwxuploadmedia").addQueryParameter("f", "json").build())
                    .post(form.build())
                    .build(), false), "webwxuploadmedia");
            RetCodes.check(answer, "webwxuploadmedia");
            mediaId = Fields.text(answer, "MediaId");
        }
        if (mediaId.isEmpty()) {
            throw new WeChatException.ProtocolError("webwxuploadmedia finished " + fileName + " without a MediaId", null);
        }
        return new Uploaded(mediaId, check.signature());
    }

    private UploadCheck checkUpload(String toUserName, String fileName, long size, String md5) throws WeChatException {
        ObjectNode body = session.bodyWithBaseRequest();
        body.put("FileMd5", md5);
        body.put("FileName", fileName);
        body.put("FileSize", size);
        body.put("FileType", CHECK_UPLOAD_FILE_TYPE);
        body.put("FromUserName", session.self().userName());
        body.put("ToUserName", toUserName);
        JsonNode answer = session.calls().postJson(session.onMain("webwxcheckupload").build(), body);
        RetCodes.check(answer, "webwxcheckupload");
        return new UploadCheck(Fields.text(answer, "MediaId"), Fields.text(answer, "AESKey"), Fields.text(answer, "Signature"));
    }

    private ObjectNode uploadRequest(String toUserName, byte[] bytes, String md5) {
        ObjectNode request = WebCalls.JSON.createObjectNode();
        request.put("UploadType", 2);
        request.set("BaseRequest", session.baseRequest());
        request.put("ClientMediaId", System.currentTimeMillis());
        request.put("TotalLen", bytes.length);
        request.put("StartPos", 0);
        request.put("DataLen", bytes.length);
        request.put("MediaType", 4);
        request.put("FromUserName", session.self().userName());
        request.put("ToUserName", toUserName);
        request.put("FileMd5", md5);
        return request;
    }

    /** The choice of §9.2: pictures (not GIF) as pic, MP4 as video, everything else as doc. */
    private static String mediaTypeOf(String fileName) {
        String extension = extension(fileName);
        return PICTURES.contains(extension) ? "pic" : extension.equals("mp4") ? "video" : "doc";
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
