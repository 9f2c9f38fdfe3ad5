package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.MediaDownload;
import dev.wechatapi.wechat.MsgKind;
import dev.wechatapi.wechat.WeChatContact;
import dev.wechatapi.wechat.WeChatException;
import dev.wechatapi.wechat.WeChatMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Downloads (§10): pictures and stickers from {@code webwxgetmsgimg}, voice from {@code webwxgetvoice}, video from
 * {@code webwxgetvideo} (which wants {@code Range: bytes=0-}), attachments from the file host's
 * {@code webwxgetmedia}, and avatars from the contact's {@code HeadImgUrl}.
 */
final class DownloadCalls {

    private static final Pattern FILE_NAME_STAR = Pattern.compile("filename\\*=UTF-8''([^;]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/jpeg", "jpg", "image/png", "png", "image/gif", "gif", "audio/mp3", "mp3", "audio/mpeg", "mp3",
            "video/mp4", "mp4");

    private final SessionContext session;

    DownloadCalls(SessionContext session) {
        this.session = session;
    }

    MediaDownload download(WeChatMessage message) throws WeChatException {
        MsgKind kind = message.kind();
        return switch (kind) {
            case IMAGE, EMOTICON -> fetch(session.onMain("webwxgetmsgimg")
                    .addQueryParameter("MsgID", message.msgId())
                    .addQueryParameter("skey", session.skey())
                    .build(), false, message.msgId());
            case VOICE -> fetch(session.onMain("webwxgetvoice")
                    .addQueryParameter("msgid", message.msgId())
                    .addQueryParameter("skey", session.skey())
                    .build(), false, message.msgId());
            case VIDEO -> fetch(session.onMain("webwxgetvideo")
                    .addQueryParameter("msgid", message.msgId())
                    .addQueryParameter("skey", session.skey())
                    .build(), true, message.msgId());
            case FILE -> attachment(message);
            // The map thumbnail the Content links to (§10 webwxgetpubliclinkimg).
            case LOCATION -> fetch(session.onMain("webwxgetpubliclinkimg")
                    .addQueryParameter("url", "xxx")
                    .addQueryParameter("msgid", message.msgId())
                    .addQueryParameter("pictype", "location")
                    .build(), false, message.msgId());
            default -> throw new WeChatException.MediaUnavailable("a " + kind + " message carries no media to download");
        };
    }

    MediaDownload avatar(WeChatContact contact) throws WeChatException {
        String path = contact.headImgUrl();
        if (path == null || path.isEmpty()) {
            throw new WeChatException.MediaUnavailable(contact.userName() + " has no avatar");
        }
        HttpUrl url = session.hosts().main().resolve(path);
        if (url == null) {
            throw new WeChatException.ProtocolError("unusable avatar path " + path, null);
        }
        // HeadImgUrl carries the skey of the login that listed it; the current one is what counts.
        HttpUrl withSkey = url.newBuilder().setQueryParameter("skey", session.skey()).build();
        return fetch(withSkey, false, contact.userName().replace("@", ""));
    }

    private MediaDownload attachment(WeChatMessage message) throws WeChatException {
        if (message.mediaId().isEmpty()) {
            throw new WeChatException.MediaUnavailable("file message " + message.msgId() + " has no MediaId");
        }
        HttpUrl url = session.hosts().onFile("webwxgetmedia")
                .addQueryParameter("sender", message.fromUserName())
                .addQueryParameter("mediaid", message.mediaId())
                .addQueryParameter("filename", message.fileName())
                .addQueryParameter("fromuser", Long.toString(session.uin()))
                .addEncodedQueryParameter("pass_ticket", session.passTicket())
                .addQueryParameter("webwx_data_ticket", session.cookies().value("webwx_data_ticket").orElse(""))
                .build();
        MediaDownload download = fetch(url, false, message.msgId());
        return message.fileName().isEmpty() ? download
                : new MediaDownload(download.bytes(), download.contentType(), message.fileName(), download.length());
    }

    private MediaDownload fetch(HttpUrl url, boolean ranged, String nameStem) throws WeChatException {
        var request = new Request.Builder().url(url).get();
        if (ranged) {
            request.header("Range", "bytes=0-");
        }
        String call = WebCalls.callName(url);
        WebCalls.BinaryAnswer answer = session.calls().executeBinary(request.build(), false);
        int code = answer.code();
        if (code >= 500) {
            throw new WeChatException.Unreachable(call + " answered HTTP " + code, null);
        }
        if (code == 401) {
            throw new WeChatException.LoggedOut(1101, call + " answered HTTP 401: the session is gone");
        }
        if (code != 200 && code != 206) {
            throw new WeChatException.MediaUnavailable(call + " answered HTTP " + code);
        }
        if (answer.body().length == 0) {
            // The real server answers 200 with nothing for media it no longer keeps.
            throw new WeChatException.MediaUnavailable(call + " answered an empty body");
        }
        String contentType = contentType(answer.headers().get("Content-Type"));
        String fileName = fileName(answer.headers().get("Content-Disposition"));
        if (fileName == null) {
            String extension = EXTENSIONS.get(contentType);
            fileName = nameStem + (extension == null ? "" : "." + extension);
        }
        return new MediaDownload(answer.body(), contentType, fileName, answer.body().length);
    }

    private static String contentType(String header) {
        if (header == null || header.isBlank()) {
            return "application/octet-stream";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher star = FILE_NAME_STAR.matcher(disposition);
        if (star.find()) {
            try {
                return URLDecoder.decode(star.group(1).trim(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // fall through to the plain name
            }
        }
        Matcher plain = FILE_NAME.matcher(disposition);
        return plain.find() ? plain.group(1) : null;
    }
}
