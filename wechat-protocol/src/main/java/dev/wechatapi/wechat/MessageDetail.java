package dev.wechatapi.wechat;

/**
 * What a message carries beyond its text, typed by kind: media metadata, a card's person, a location, the id
 * of a recalled message, a friend request's ticket. Read it with a pattern switch:
 *
 * <pre>{@code
 * switch (message.detail()) {
 *     case MessageDetail.Image image -> show(image.width(), image.height());
 *     case MessageDetail.Recall recall -> hide(recall.recalledMsgId());
 *     default -> {}
 * }
 * }</pre>
 */
public sealed interface MessageDetail {

    /** Text, system and status messages, and anything this client does not know. */
    None NONE = new None();

    record None() implements MessageDetail {}

    /** MsgType 3. {@code length} is the original's size in bytes as the message announces it. */
    record Image(int width, int height, long length, String md5) implements MessageDetail {}

    /** MsgType 34. */
    record Voice(int lengthMs, long length) implements MessageDetail {}

    /** MsgType 43/62; {@code width}/{@code height} are the thumbnail's. */
    record Video(int playLengthSeconds, int width, int height, long length) implements MessageDetail {}

    /** MsgType 49, AppMsgType 6: download with {@code mediaId}. */
    record File(String fileName, long fileSize, String mediaId, String extension) implements MessageDetail {}

    /** MsgType 49 with a link-like AppMsgType (5 articles, 3 music, 4 video, 33/36 mini programs). */
    record Link(String title, String description, String url, int appMsgType) implements MessageDetail {}

    /**
     * MsgType 42: the person shown; {@code userName} lets the account add them, {@code avatarUrl} is their
     * picture on WeChat's CDN (may be empty).
     */
    record Card(String userName, String nickName, String alias, int sex, String province, String city, String signature,
            String avatarUrl) implements MessageDetail {}

    /**
     * MsgType 1 with SubMsgType 48 (or 48): latitude {@code x}, longitude {@code y}, map zoom {@code scale},
     * the address {@code label} and the place's name and id; {@code url} opens the map.
     */
    record Location(double x, double y, int scale, String label, int mapType, String poiName, String poiId, String url)
            implements MessageDetail {}

    /** MsgType 47 (and 49/8): a sticker; {@code md5} names it in WeChat's sticker store. */
    record Emoticon(String md5, long length, int width, int height) implements MessageDetail {}

    /** MsgType 10002: {@code recalledMsgId} is the MsgId of the message taken back. */
    record Recall(String recalledMsgId, String replaceText) implements MessageDetail {}

    /**
     * MsgType 37, from {@code fmessage}: {@code ticket} and {@code userName} accept the request
     * ({@code webwxverifyuser}).
     */
    record FriendRequest(String userName, String nickName, String greeting, String ticket, int scene, int sex,
            String province, String city) implements MessageDetail {}
}
