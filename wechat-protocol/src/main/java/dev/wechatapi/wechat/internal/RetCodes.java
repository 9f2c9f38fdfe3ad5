package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.WeChatException;
import tools.jackson.databind.JsonNode;

/** WeChat's error codes (Ret in BaseResponse, retcode in synccheck, ret in the login XML) as typed exceptions. */
public final class RetCodes {

    private RetCodes() {}

    /** Throws unless the answer's {@code BaseResponse.Ret} is 0. */
    static void check(JsonNode answer, String call) throws WeChatException {
        JsonNode base = answer.path("BaseResponse");
        if (!base.isObject() || !(base.path("Ret").isNumber() || base.path("Ret").isString())) {
            throw new WeChatException.ProtocolError(call + " answered without BaseResponse.Ret", null);
        }
        int ret = Fields.integer(base, "Ret");
        if (ret != 0) {
            throw failure(ret, call, Fields.text(base, "ErrMsg"));
        }
    }

    /** The exception for a non-zero code. */
    static WeChatException failure(int code, String call, String message) {
        String detail = call + " answered " + code + (message == null || message.isEmpty() ? "" : ": " + message);
        return switch (code) {
            case 1100, 1101, 1102 -> new WeChatException.LoggedOut(code, detail);
            case 1203 -> new WeChatException.LoginBlocked(message == null || message.isEmpty() ? detail : message);
            case 1205 -> new WeChatException.RateLimited(detail);
            default -> new WeChatException.ProtocolError(detail, null);
        };
    }
}
