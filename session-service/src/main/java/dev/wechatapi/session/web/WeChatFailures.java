package dev.wechatapi.session.web;

import dev.wechatapi.session.SessionProperties;
import dev.wechatapi.wechat.WeChatException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Translates the driver's typed failures into contract answers, so no driver error ever reaches a client raw. */
@Component
public class WeChatFailures {

    private final SessionProperties properties;

    public WeChatFailures(SessionProperties properties) {
        this.properties = properties;
    }

    public ApiException toApi(WeChatException failure) {
        return switch (failure) {
            case WeChatException.LoggedOut _ -> ApiException.offline();
            case WeChatException.RateLimited _ -> new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "操作过于频繁, 请稍后再试", properties.rateLimitedRetryAfter());
            case WeChatException.Unreachable _ -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "wechat_unreachable",
                    "暂时无法连接微信, 请稍后再试", properties.unreachableRetryAfter());
            case WeChatException.LoginBlocked blocked ->
                    new ApiException(HttpStatus.FORBIDDEN, "login_blocked", blocked.getMessage());
            // The capability check before a send should have caught it; a driver may still refuse a variant.
            case WeChatException.Unsupported _ -> ApiException.badRequest("unsupported_message_type",
                    "暂不支持该类型的消息或操作");
            // Nothing to fetch: WeChat no longer has the media, or the message never had any.
            case WeChatException.MediaUnavailable _ -> new ApiException(HttpStatus.NOT_FOUND, "media_unavailable",
                    "媒体文件不存在或已过期");
            // WeChat answered, but with something nobody can act on: not the client's fault, not ours either.
            case WeChatException.ProtocolError _ -> new ApiException(HttpStatus.BAD_GATEWAY, "wechat_error",
                    "微信返回了无法识别的应答");
            default -> new ApiException(HttpStatus.BAD_GATEWAY, "wechat_error", "微信返回了无法识别的应答");
        };
    }
}
