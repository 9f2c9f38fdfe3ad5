package dev.wechatapi.gateway.errors;

/**
 * The contract's error body: {@code {"errmsg": <string or list of strings>, "code": "<machine_code>"}}.
 *
 * @param errmsg the original project's text (a list where the original answered with one)
 * @param code a stable machine-readable code
 */
public record ApiError(Object errmsg, String code) {}
