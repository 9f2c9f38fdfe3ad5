package dev.wechatapi.session.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A failure with a place in the public contract: its status, its {@code errmsg} text and its machine code.
 * Thrown (or signalled) anywhere; {@link ErrorResponses} writes it.
 *
 * @see ErrorResponses
 */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String code, String errmsg) {
        this(status, code, errmsg, null);
    }

    public ApiException(HttpStatus status, String code, String errmsg, Duration retryAfter) {
        super(errmsg, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static ApiException badRequest(String code, String errmsg) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, errmsg);
    }

    /** The account has no live session; the contract's text for it. */
    public static ApiException offline() {
        return badRequest("offline", "微信号不在线!请先登录");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String errmsg() {
        return getMessage();
    }

    /** How long the client should wait before retrying, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
