package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.media.Images;
import dev.wechatapi.simulator.internal.media.StoredMedia;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads (§10, §16.2.12): avatars behind the {@code HeadImgUrl} paths, message pictures
 * ({@code webwxgetmsgimg}, {@code type=slave} for the thumbnail), voice, video (honouring {@code Range} with 206)
 * and attachments from the file host ({@code webwxgetmedia}). Query names are case-insensitive; a dead session
 * gets 401, an unknown message 404, both with an empty body.
 */
public final class MediaEndpoints {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final Sessions sessions;

    public MediaEndpoints(Sessions sessions) {
        this.sessions = sessions;
    }

    public Reply avatar(Exchange exchange) {
        if (sessions.of(exchange).filter(Session::isAlive).isEmpty()) {
            return Reply.text(401, "");
        }
        // seq is stable per contact across logins, so the picture is too.
        String seq = exchange.query("seq");
        String seed = seq != null ? seq : String.valueOf(exchange.query("username"));
        return Reply.bytes("image/jpeg", Images.avatar(seed));
    }

    public Reply messageImage(Exchange exchange) {
        return serve(exchange, session -> session.mediaOfMessage(exchange.query("msgid")), media -> {
            boolean thumbnail = "slave".equals(exchange.query("type")) && media.thumbnail() != null;
            // Videos have no picture of their own: every type answers the thumbnail, as the real server does.
            boolean videoThumb = media.contentType().startsWith("video/") && media.thumbnail() != null;
            if (thumbnail || videoThumb) {
                return Reply.bytes("image/jpeg", media.thumbnail());
            }
            return media.contentType().startsWith("image/") ? Reply.bytes(media.contentType(), media.bytes()) : null;
        });
    }

    public Reply voice(Exchange exchange) {
        return serve(exchange, session -> session.mediaOfMessage(exchange.query("msgid")),
                media -> media.contentType().startsWith("audio/") ? ranged(exchange, media) : null);
    }

    public Reply video(Exchange exchange) {
        return serve(exchange, session -> session.mediaOfMessage(exchange.query("msgid")),
                media -> media.contentType().startsWith("video/") ? ranged(exchange, media) : null);
    }

    /** The file host's attachments, by {@code mediaid}; the name goes into Content-Disposition. */
    public Reply attachment(Exchange exchange) {
        return serve(exchange, session -> session.mediaById(exchange.query("mediaid")), media -> ranged(exchange, media)
                .withHeader("Content-Disposition", "attachment; filename=\"" + asciiName(media.fileName())
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(media.fileName(), StandardCharsets.UTF_8).replace("+", "%20")));
    }

    private interface Lookup {
        Optional<StoredMedia> find(Session session);
    }

    private interface Render {
        Reply render(StoredMedia media);
    }

    private Reply serve(Exchange exchange, Lookup lookup, Render render) {
        Session session = sessions.of(exchange).filter(Session::isAlive).orElse(null);
        if (session == null) {
            return Reply.text(401, "");
        }
        Reply reply = lookup.find(session).map(render::render).orElse(null);
        return reply != null ? reply : Reply.text(404, "");
    }

    /** The whole body, or with {@code Range: bytes=a-b} (either end optional) 206 and Content-Range. */
    private static Reply ranged(Exchange exchange, StoredMedia media) {
        byte[] bytes = media.bytes();
        String range = exchange.header("Range");
        Matcher matcher = range == null ? null : RANGE.matcher(range.trim());
        if (matcher == null || !matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return Reply.bytes(media.contentType(), bytes).withHeader("Accept-Ranges", "bytes");
        }
        long total = bytes.length;
        long start;
        long end;
        if (matcher.group(1).isEmpty()) {
            start = Math.max(0, total - Long.parseLong(matcher.group(2)));
            end = total - 1;
        } else {
            start = Long.parseLong(matcher.group(1));
            end = matcher.group(2).isEmpty() ? total - 1 : Math.min(total - 1, Long.parseLong(matcher.group(2)));
        }
        if (start >= total || start > end) {
            return Reply.text(416, "").withHeader("Content-Range", "bytes */" + total);
        }
        return new Reply(206, media.contentType(), Arrays.copyOfRange(bytes, (int) start, (int) end + 1), List.of())
                .withHeader("Content-Range", "bytes " + start + "-" + end + "/" + total)
                .withHeader("Accept-Ranges", "bytes");
    }

    private static String asciiName(String name) {
        return name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
                ? name
                : "file" + (name.lastIndexOf('.') >= 0 ? name.substring(name.lastIndexOf('.')) : "").replaceAll("[^A-Za-z0-9.]", "");
    }
}
