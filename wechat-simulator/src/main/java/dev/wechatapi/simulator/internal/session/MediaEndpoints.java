package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.media.Images;

/** Avatars behind the {@code HeadImgUrl} paths ({@code webwxgeticon}, {@code webwxgetheadimg}, §10). */
public final class MediaEndpoints {

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
}
