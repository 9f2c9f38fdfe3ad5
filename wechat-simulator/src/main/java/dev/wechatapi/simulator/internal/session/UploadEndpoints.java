package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Multipart;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.media.MediaBlobs;
import dev.wechatapi.simulator.internal.media.StoredMedia;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code webwxuploadmedia} on the file host (§9.2, §16.2.11): multipart fields in any order, optionally in
 * {@code chunks} of which {@code chunk} is the 0-based index. Every chunk but the last answers {@code MediaId: ""};
 * the last one assembles the file, checks its size against {@code size}/{@code TotalLen}, and answers the MediaId
 * the send endpoints accept.
 */
public final class UploadEndpoints {

    /** WeChat's "param error" (§14.2). */
    private static final int PARAM_ERROR = 1;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_PENDING = 64;

    private final Sessions sessions;
    /** Uploads under way; the oldest are forgotten first, so abandoned uploads cannot pile up. */
    private final Map<String, byte[][]> pending = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[][]> eldest) {
            return size() > MAX_PENDING;
        }
    });

    public UploadEndpoints(Sessions sessions) {
        this.sessions = sessions;
    }

    public Reply upload(Exchange exchange) {
        if (exchange.method().equals("OPTIONS")) {
            // The browser's preflight; the real server answers it with a Ret 1 JSON.
            return Reply.protocolJson(ProtocolJson.withBaseResponse(PARAM_ERROR, ""));
        }
        Multipart form = Multipart.parse(exchange.header("Content-Type"), exchange.body());
        JsonNode request = json(form.text("uploadmediarequest"));
        Session session = sessions.of(exchange, request.path("BaseRequest")).orElse(null);
        if (session == null || !session.isAlive()) {
            return ProtocolJson.loggedOut(session);
        }
        Multipart.Part file = form.file().orElse(null);
        String name = form.text("name") != null ? decodeName(form.text("name")) : file == null ? null : file.fileName();
        long size = number(form.text("size"), Json.number(request, "TotalLen", -1));
        int chunks = (int) number(form.text("chunks"), 1);
        int chunk = (int) number(form.text("chunk"), 0);
        if (file == null || name == null || size < 0 || chunks < 1 || chunk < 0 || chunk >= chunks) {
            return Reply.protocolJson(answer(PARAM_ERROR, "", 0, ""));
        }
        String key = session.sid() + "|" + Json.number(request, "ClientMediaId", 0) + "|" + name + "|" + size;
        byte[][] parts = pending.computeIfAbsent(key, k -> new byte[chunks][]);
        if (parts.length != chunks) {
            pending.remove(key);
            return Reply.protocolJson(answer(PARAM_ERROR, "", 0, ""));
        }
        long received;
        synchronized (parts) {
            parts[chunk] = file.data();
            received = 0;
            for (byte[] part : parts) {
                if (part == null) {
                    return Reply.protocolJson(answer(0, "", received, ""));
                }
                received += part.length;
            }
        }
        pending.remove(key);
        var assembled = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            assembled.writeBytes(part);
        }
        if (assembled.size() != size) {
            return Reply.protocolJson(answer(PARAM_ERROR, "", 0, ""));
        }
        String type = form.text("type") != null && !form.text("type").isBlank() ? form.text("type") : MediaBlobs.contentType(name);
        String mediaId = "@crypt_" + hex(8) + "_" + hex(96);
        session.attachMedia(null, mediaId, new StoredMedia(assembled.toByteArray(), type, name, null));
        return Reply.protocolJson(answer(0, mediaId, size, encryFileName(name)));
    }

    /**
     * {@code webwxcheckupload} (§11.6), which clients ask before uploading a large file: {@code {BaseRequest,
     * FileMd5, FileName, FileSize, FileType, FromUserName, ToUserName}}. A file this session already has (same MD5
     * and size) answers its MediaId, and the client sends it without uploading again; otherwise {@code MediaId: ""}
     * with the {@code AESKey} and {@code Signature} the upload and the send then carry.
     */
    public Reply checkUpload(Exchange exchange) {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null || !session.isAlive()) {
            return ProtocolJson.loggedOut(session);
        }
        JsonNode body = exchange.json();
        String md5 = Json.text(body, "FileMd5");
        String name = Json.text(body, "FileName");
        long size = Json.number(body, "FileSize", -1);
        if (md5 == null || md5.isBlank() || name == null || size < 0) {
            return Reply.protocolJson(checkAnswer(PARAM_ERROR, "", "", "", ""));
        }
        String encryName = encryFileName(name);
        return Reply.protocolJson(session.mediaIdOf(md5.trim(), size)
                .map(mediaId -> checkAnswer(0, mediaId, "", "", encryName))
                .orElseGet(() -> checkAnswer(0, "", hex(16), hex(64), encryName)));
    }

    private static ObjectNode checkAnswer(int ret, String mediaId, String aesKey, String signature, String encryFileName) {
        ObjectNode json = ProtocolJson.withBaseResponse(ret, "");
        json.put("MediaId", mediaId);
        json.put("AESKey", aesKey);
        json.put("Signature", signature);
        json.put("EncryFileName", encryFileName);
        return json;
    }

    private static ObjectNode answer(int ret, String mediaId, long startPos, String encryFileName) {
        ObjectNode json = ProtocolJson.withBaseResponse(ret, "");
        json.put("MediaId", mediaId);
        json.put("StartPos", startPos);
        json.put("CDNThumbImgHeight", mediaId.isEmpty() ? 0 : 100);
        json.put("CDNThumbImgWidth", mediaId.isEmpty() ? 0 : 100);
        json.put("EncryFileName", encryFileName);
        return json;
    }

    /** The name URL-escaped with {@code .} and {@code _} escaped too ({@code IMG%5F1854%2EJPG}), as WeChat does. */
    private static String encryFileName(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace(".", "%2E").replace("_", "%5F");
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** itchat URL-quotes the name; others send it as is. */
    private static String decodeName(String name) {
        try {
            return name.contains("%") ? URLDecoder.decode(name, StandardCharsets.UTF_8) : name;
        } catch (IllegalArgumentException notEncoded) {
            return name;
        }
    }

    private static long number(String text, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static String hex(int bytes) {
        byte[] data = new byte[bytes];
        RANDOM.nextBytes(data);
        return HexFormat.of().formatHex(data);
    }
}
