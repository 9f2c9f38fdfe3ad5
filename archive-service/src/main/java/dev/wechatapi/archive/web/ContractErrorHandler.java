package dev.wechatapi.archive.web;

import dev.wechatapi.archive.ArchiveProperties;
import dev.wechatapi.archive.store.DatabaseFailures;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where failures become the contract's {@code {"errmsg", "code"}} answers: client mistakes are
 * 4xx, an unreachable database is 503 with Retry-After, and nothing ever shows a stack trace. Ordered before
 * Spring Boot's own handler, which would answer with its own JSON.
 */
@Component
@Order(-2)
public final class ContractErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ContractErrorHandler.class);

    private final JsonMapper json;
    private final ArchiveProperties properties;

    public ContractErrorHandler(JsonMapper json, ArchiveProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ApiException answer = answerFor(failure, exchange);
        response.setStatusCode(answer.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (answer.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
        }
        byte[] body = json.writeValueAsBytes(new ErrorBody(answer.errmsg(), answer.code()));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private ApiException answerFor(Throwable failure, ServerWebExchange exchange) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (DatabaseFailures.unreachable(failure)) {
            log.warn("Database unreachable while answering {}: {}", exchange.getRequest().getPath(), failure.toString());
            return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "服务暂时不可用, 请稍后重试。");
        }
        if (failure instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            return clientError(status.getStatusCode(), exchange);
        }
        log.error("Unexpected failure answering {}", exchange.getRequest().getPath(), failure);
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "服务器内部错误。");
    }

    // Texts of Django REST framework's zh-hans translation, which the original answered with.
    private static ApiException clientError(HttpStatusCode code, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        return switch (status) {
            case NOT_FOUND -> new ApiException(status, "not_found", "未找到。");
            case METHOD_NOT_ALLOWED -> new ApiException(status, "method_not_allowed",
                    "方法 “" + exchange.getRequest().getMethod().name() + "” 不被允许。");
            case NOT_ACCEPTABLE -> new ApiException(status, "not_acceptable", "无法满足Accept头部信息。");
            case UNSUPPORTED_MEDIA_TYPE -> new ApiException(status, "unsupported_media_type", "不支持请求中的媒体类型。");
            default -> new ApiException(status, status.name().toLowerCase(Locale.ROOT), status.getReasonPhrase());
        };
    }
}
