package dev.wechatapi.archive.web;

import org.springframework.http.HttpStatus;

/**
 * A failure the client caused or can act on, answered as {@code {"errmsg": ..., "code": ...}} by
 * {@link ContractErrorHandler}. Thrown on purpose, so it carries no stack trace.
 */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String errmsg) {
        super(errmsg, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** A request without the gateway's {@code X-Wechat-App-Id}. */
    public static ApiException unauthenticated() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "无效的身份信息!");
    }

    /** A malformed query parameter; the message names it so the client knows what to fix. */
    public static ApiException invalidParameter(String name, String problem) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", name + ": " + problem);
    }

    /** An unknown resource, or another app's (an app never learns that another app's id exists). */
    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", "未找到。");
    }

    /** A page beyond the last one, answered with Django REST framework's text. */
    public static ApiException invalidPage() {
        return new ApiException(HttpStatus.NOT_FOUND, "invalid_page", "无效页面。");
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
}
