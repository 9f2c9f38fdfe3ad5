package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.SentMessage;
import dev.wechatapi.wechat.WeChatException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code webwxsendmsg} (§9.1), the media send calls (§9.3–9.6) and {@code webwxlogout} (§11.1). */
final class SendCalls {

    private static final Logger log = LoggerFactory.getLogger(SendCalls.class);

    /** {@code Ret} of a revoke after WeChat's two minutes. */
    private static final int REVOKE_TOO_LATE = -1;

    private final SessionContext session;

    SendCalls(SessionContext session) {
        this.session = session;
    }

    SentMessage sendText(String toUserName, String text) throws WeChatException {
        return send("webwxsendmsg", null, toUserName, msg -> msg.put("Type", 1).put("Content", text));
    }

    /** A media send (§9.3–9.6): {@code fun} and {@code f=json} in the query, the kind's fields in {@code Msg}. */
    SentMessage sendMedia(String endpoint, String fun, String toUserName, Consumer<ObjectNode> fields) throws WeChatException {
        return send(endpoint, fun, toUserName, fields);
    }

    private SentMessage send(String endpoint, String fun, String toUserName, Consumer<ObjectNode> fields)
            throws WeChatException {
        String localId = newLocalId();
        ObjectNode body = session.bodyWithBaseRequest();
        ObjectNode msg = body.putObject("Msg");
        fields.accept(msg);
        msg.put("FromUserName", session.self().userName())
                .put("ToUserName", toUserName)
                .put("LocalID", localId)
                .put("ClientMsgId", localId);
        body.put("Scene", 0);
        var url = session.onMain(endpoint);
        if (fun != null) {
            url.addQueryParameter("fun", fun).addQueryParameter("f", "json");
        }
        JsonNode answer = session.calls().postJson(url.build(), body);
        RetCodes.check(answer, endpoint);
        long msgId = Fields.longValue(answer, "MsgID");
        if (msgId == 0) {
            throw new WeChatException.ProtocolError(endpoint + " answered without a MsgID", null);
        }
        return new SentMessage(msgId, localId, toUserName, Instant.now());
    }

    /**
     * {@code webwxrevokemsg} (§9.7): the MsgID the send answered with as {@code SvrMsgId}, the LocalID it used as
     * {@code ClientMsgId}. After two minutes WeChat answers {@code Ret -1}.
     */
    void revoke(SentMessage message) throws WeChatException {
        ObjectNode body = session.bodyWithBaseRequest();
        body.put("SvrMsgId", Long.toString(message.msgId()));
        body.put("ToUserName", message.toUserName());
        body.put("ClientMsgId", message.localId());
        JsonNode answer = session.calls().postJson(session.onMain("webwxrevokemsg").build(), body);
        if (Fields.integer(answer.path("BaseResponse"), "Ret") == REVOKE_TOO_LATE) {
            throw new WeChatException.ProtocolError("webwxrevokemsg answered -1: WeChat takes messages back only within "
                    + "two minutes of sending (message " + message.msgId() + ")", null);
        }
        RetCodes.check(answer, "webwxrevokemsg");
    }

    /** Best effort: the real server answers with a redirect or an empty body, and a dead session is logged out anyway. */
    void logout() {
        var request = new Request.Builder()
                .url(session.hosts().onMain("webwxlogout")
                        .addQueryParameter("redirect", "1")
                        .addQueryParameter("type", "1")
                        .addQueryParameter("skey", session.skey())
                        .build())
                .get()
                .build();
        try {
            session.calls().execute(request, false);
        } catch (WeChatException | RuntimeException failure) {
            log.debug("webwxlogout failed; the session is given up anyway: {}", failure.toString());
        }
    }

    /** The official client's id: a millisecond timestamp times 10^4 plus four random digits (17 digits). */
    private static String newLocalId() {
        return Long.toString(System.currentTimeMillis() * 10_000 + ThreadLocalRandom.current().nextInt(10_000));
    }
}
