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
 * @param media the fields only media, app, card and friend-request messages fill
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
        Instant createTime,
        MediaFields media) {

    /**
     * The §8.1 fields beyond text: sizes and lengths, the file's name and media id, a location's map link and XML,
     * and the RecommendInfo of cards and friend requests.
     */
    public record MediaFields(
            String url,
            String fileName,
            long fileSize,
            String mediaId,
            String encryFileName,
            int voiceLength,
            int playLength,
            int imgWidth,
            int imgHeight,
            String oriContent,
            String ticket,
            RecommendInfo recommendInfo) {

        public static final MediaFields NONE = new MediaFields("", "", -1, "", "", 0, 0, 0, 0, "", "", RecommendInfo.NONE);

        boolean hasMedia() {
            return !mediaId.isEmpty() || imgWidth > 0 || voiceLength > 0 || playLength > 0;
        }
    }

    /** Who a card shows or who asks to be a friend. */
    public record RecommendInfo(
            String userName,
            String nickName,
            String province,
            String city,
            String content,
            String signature,
            String alias,
            int scene,
            int verifyFlag,
            int sex,
            String ticket,
            int opCode) {

        public static final RecommendInfo NONE = new RecommendInfo("", "", "", "", "", "", "", 0, 0, 0, "", 0);
    }

    public static WireMessage text(String from, String to, String wireContent) {
        return ofType(1, from, to, wireContent);
    }

    public static WireMessage ofType(int msgType, String from, String to, String wireContent) {
        return new WireMessage(MessageIds.next(), msgType, 0, 0, from, to, wireContent, 0, "", Instant.now(), MediaFields.NONE);
    }

    /** The MsgType 51 message that follows the client's "inited" status notification (code 4: recent chats). */
    public static WireMessage recentChats(String self, String userNames, String wireContent) {
        return new WireMessage(MessageIds.next(), 51, 0, 0, self, self, wireContent, 4, userNames, Instant.now(), MediaFields.NONE);
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
        json.put("ImgStatus", media.hasMedia() ? 2 : 1);
        json.put("CreateTime", createTime.getEpochSecond());
        json.put("VoiceLength", media.voiceLength());
        json.put("PlayLength", media.playLength());
        json.put("FileName", media.fileName());
        json.put("FileSize", media.fileSize() < 0 ? "" : Long.toString(media.fileSize()));
        json.put("MediaId", media.mediaId());
        json.put("Url", media.url());
        json.put("AppMsgType", appMsgType);
        json.put("StatusNotifyCode", statusNotifyCode);
        json.put("StatusNotifyUserName", statusNotifyUserName);
        RecommendInfo info = media.recommendInfo();
        ObjectNode recommend = json.putObject("RecommendInfo");
        recommend.put("UserName", info.userName());
        recommend.put("NickName", info.nickName());
        recommend.put("QQNum", 0);
        recommend.put("Province", info.province());
        recommend.put("City", info.city());
        recommend.put("Content", info.content());
        recommend.put("Signature", info.signature());
        recommend.put("Alias", info.alias());
        recommend.put("Scene", info.scene());
        recommend.put("VerifyFlag", info.verifyFlag());
        recommend.put("AttrStatus", 0);
        recommend.put("Sex", info.sex());
        recommend.put("Ticket", info.ticket());
        recommend.put("OpCode", info.opCode());
        json.put("ForwardFlag", 0);
        ObjectNode appInfo = json.putObject("AppInfo");
        appInfo.put("AppID", "");
        appInfo.put("Type", 0);
        json.put("HasProductId", 0);
        json.put("Ticket", media.ticket());
        json.put("ImgHeight", media.imgHeight());
        json.put("ImgWidth", media.imgWidth());
        json.put("SubMsgType", subMsgType);
        json.put("NewMsgId", newMsgId);
        json.put("OriContent", media.oriContent());
        json.put("EncryFileName", media.encryFileName());
        return json;
    }
}
