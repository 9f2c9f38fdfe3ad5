package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import tools.jackson.databind.node.ObjectNode;

/** Pieces every protocol JSON answer shares. */
final class ProtocolJson {

    private ProtocolJson() {}

    /** A body starting with {@code BaseResponse: {Ret, ErrMsg}}; Ret is a JSON number everywhere. */
    static ObjectNode withBaseResponse(int ret, String errMsg) {
        ObjectNode json = Json.object();
        json.putObject("BaseResponse").put("Ret", ret).put("ErrMsg", errMsg);
        return json;
    }

    static ObjectNode ok() {
        return withBaseResponse(0, "");
    }

    /** The answer to a JSON call on a session that ended or never existed (wechat4u maps exactly 1101 to logout). */
    static Reply loggedOut(Session session) {
        int ret = session == null || session.isAlive() ? Sessions.LOGGED_OUT : session.endedWith();
        return Reply.protocolJson(withBaseResponse(ret, ""));
    }
}
