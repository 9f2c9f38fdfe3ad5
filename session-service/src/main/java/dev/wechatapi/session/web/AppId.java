package dev.wechatapi.session.web;

/**
 * The authenticated app a request acts for, as the gateway vouches for it in {@code X-Wechat-App-Id}. Declare it
 * as a handler parameter; a request without it never reaches the handler.
 */
public record AppId(String value) {

    public static final String HEADER = "X-Wechat-App-Id";
}
