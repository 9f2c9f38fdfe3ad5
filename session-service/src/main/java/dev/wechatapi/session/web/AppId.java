package dev.wechatapi.session.web;

import org.springframework.http.HttpHeaders;

/**
 * The authenticated app a request acts for, as the gateway vouches for it in {@code X-Wechat-App-Id}. Declare it
 * as a handler parameter; a request without it never reaches the handler.
 */
public record AppId(String value) {

    public static final String HEADER = "X-Wechat-App-Id";

    // Long enough for any id the gateway issues (32 hex), short enough that nobody stuffs a payload in it.
    private static final int MAX_LENGTH = 64;

    /** The app id the request's headers name, or null when there is no usable one (the handler answers 401). */
    public static String headerValue(HttpHeaders headers) {
        String value = headers.getFirst(HEADER);
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return null;
        }
        return value.trim();
    }
}
