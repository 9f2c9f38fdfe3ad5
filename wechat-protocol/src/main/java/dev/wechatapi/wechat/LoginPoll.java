package dev.wechatapi.wechat;

import java.net.URI;

/** The state of a QR login, as one poll saw it. */
public sealed interface LoginPoll {

    /** Not scanned yet (WeChat's 408). */
    record Waiting() implements LoginPoll {}

    /** Scanned, not confirmed on the phone (201). */
    record Scanned(String avatarBase64Jpeg) implements LoginPoll {}

    /** Confirmed (200): the redirect carries the ticket for {@link WeChatDriver#completeLogin}. */
    record Confirmed(URI redirectUri) implements LoginPoll {}

    /** The QR code expired (400); start a new login. */
    record Expired() implements LoginPoll {}
}
