package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.http.Json;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * One AddMsgList entry. {@link #toJson()} writes the complete field set with WeChat's JSON types ({@code MsgId}
 * and {@code FileSize} strings, {@code NewMsgId} a number): itchat fails on a missing key and openwechat on a
 * wrong type.
 *
 * @param content the Content field exactly as it goes on the wire (already escaped)
 */
public record WireMessage(
        long newMsgId,
        int msgType,
        int subMsgType,
        int appMsgType,
        String fromUserName,
        String toUserName,
        String content,
        int statusNotifyCode,
        String statusNotifyUserName,
        Instant createTime) {

    public static WireMessage text(String from, String to, String wireContent) {
        return new WireMessage(MessageIds.next(), 1, 0, 0, from, to, wireContent, 0, "", Instant.now());
    }

    public static WireMessage ofType(int msgType, String from, String to, String wireContent) {
        return new WireMessage(MessageIds.next(), msgType, 0, 0, from, to, wireContent, 0, "", Instant.now());
    }

    /** The MsgType 51 message that follows the client's "inited" status notification (code 4: recent chats). */
    public static WireMessage recentChats(String self, String userNames, String wireContent) {
        return new WireMessage(MessageIds.next(), 51, 0, 0, self, self, wireContent, 4, userNames, Instant.now());
    }

    public String msgId() {
        return Long.toString(newMsgId);
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("MsgId", msgId());
        json.put("FromUserName", fromUserName);
        json.put("ToUserName", toUserName);
        json.put("MsgType", msgType);
        json.put("Content", content);
        json.put("Status", 3);
        json.put("ImgStatus", 1);
        json.put("CreateTime", createTime.getEpochSecond());
        json.put("VoiceLength", 0);
        json.put("PlayLength", 0);
        json.put("FileName", "");
        json.put("FileSize", "");
        json.put("MediaId", "");
        json.put("Url", "");
        json.put("AppMsgType", appMsgType);
        json.put("StatusNotifyCode", statusNotifyCode);
        json.put("StatusNotifyUserName", statusNotifyUserName);
        ObjectNode recommend = json.putObject("RecommendInfo");
        recommend.put("UserName", "");
        recommend.put("NickName", "");
        recommend.put("QQNum", 0);
        recommend.put("Province", "");
        recommend.put("City", "");
        recommend.put("Content", "");
        recommend.put("Signature", "");
        recommend.put("Alias", "");
        recommend.put("Scene", 0);
        recommend.put("VerifyFlag", 0);
        recommend.put("AttrStatus", 0);
        recommend.put("Sex", 0);
        recommend.put("Ticket", "");
        recommend.put("OpCode", 0);
        json.put("ForwardFlag", 0);
        ObjectNode appInfo = json.putObject("AppInfo");
        appInfo.put("AppID", "");
        appInfo.put("Type", 0);
        json.put("HasProductId", 0);
        json.put("Ticket", "");
        json.put("ImgHeight", 0);
        json.put("ImgWidth", 0);
        json.put("SubMsgType", subMsgType);
        json.put("NewMsgId", newMsgId);
        json.put("OriContent", "");
        json.put("EncryFileName", "");
        return json;
    }
}
