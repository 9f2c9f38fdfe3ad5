package dev.wechatapi.session.web;

import dev.wechatapi.wechat.WeChatException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where failures become responses: every error, from a handler or from routing itself (unknown
 * path, wrong method, unreadable body), leaves as {@code {"errmsg": ..., "code": ...}}. Ordered before Spring
 * Boot's own handler so no HTML page or stack trace can get out.
 */
@Component
@Order(-2)
public class ErrorResponses implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final JsonMapper json;
    private final WeChatFailures weChatFailures;

    public ErrorResponses(JsonMapper json, WeChatFailures weChatFailures) {
        this.json = json;
        this.weChatFailures = weChatFailures;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ApiException error = toApi(failure);
        if (error.status().is5xxServerError()) {
            log.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    error.code(), failure);
        }
        response.setStatusCode(error.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (error.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, error.retryAfter().toSeconds())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errmsg", error.errmsg());
        body.put("code", error.code());
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    private ApiException toApi(Throwable failure) {
        Throwable cause = failure;
        // Blocking calls surface checked driver exceptions wrapped by Reactor.
        while (cause.getCause() != null && !(cause instanceof ApiException) && !(cause instanceof WeChatException)
                && !(cause instanceof ResponseStatusException) && !(cause instanceof DataBufferLimitException)
                && !(cause instanceof DecodingException)) {
            cause = cause.getCause();
        }
        return switch (cause) {
            case ApiException api -> api;
            case WeChatException weChat -> weChatFailures.toApi(weChat);
            case DataBufferLimitException _ -> new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too_large", "请求过大");
            // A body that does not parse as its Content-Type says (a multipart form without boundary or end).
            case DecodingException _ -> ApiException.badRequest("bad_request", "无效的请求体");
            case ServerWebInputException input -> ApiException.badRequest("bad_request",
                    input.getReason() != null ? input.getReason() : "无效的请求");
            case ResponseStatusException status -> fromStatus(status.getStatusCode());
            default -> new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "服务器内部错误");
        };
    }

    private static ApiException fromStatus(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> new ApiException(status, "not_found", "未找到");
            case METHOD_NOT_ALLOWED -> new ApiException(status, "method_not_allowed", "不支持的请求方法");
            case UNSUPPORTED_MEDIA_TYPE -> new ApiException(status, "unsupported_media_type", "不支持的请求格式");
            case NOT_ACCEPTABLE -> new ApiException(status, "not_acceptable", "无法提供所请求的格式");
            case CONTENT_TOO_LARGE -> new ApiException(status, "too_large", "请求过大");
            default -> status.is4xxClientError()
                    ? new ApiException(status, "bad_request", "无效的请求")
                    : new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "服务器内部错误");
        };
    }
}
