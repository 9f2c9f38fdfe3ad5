package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.MessageDetail;
import dev.wechatapi.wechat.MsgKind;
import tools.jackson.databind.JsonNode;

/**
 * The typed {@link MessageDetail} of a raw message: media metadata from the §8.1 fields and the Content XML,
 * a card's or friend request's person from RecommendInfo, a location from OriContent, a recall's message id.
 */
final class MessageDetails {

    private MessageDetails() {}

    /**
     * The detail, or {@link MessageDetail#NONE} when the payload cannot be read: a message is worth more without
     * its metadata than dropped.
     *
     * @param xml the Content without the group sender prefix, decoded once (so it is XML again)
     */
    static MessageDetail of(MsgKind kind, JsonNode json, String xml) {
        try {
            return parse(kind, json, xml);
        } catch (RuntimeException unreadable) {
            return MessageDetail.NONE;
        }
    }

    private static MessageDetail parse(MsgKind kind, JsonNode json, String xml) {
        return switch (kind) {
            case IMAGE -> new MessageDetail.Image(Fields.integer(json, "ImgWidth"), Fields.integer(json, "ImgHeight"),
                    XmlText.number(XmlText.attribute(xml, "img", "length")), XmlText.attribute(xml, "img", "md5"));
            case VOICE -> new MessageDetail.Voice(Fields.integer(json, "VoiceLength"),
                    XmlText.number(XmlText.attribute(xml, "voicemsg", "length")));
            case VIDEO -> new MessageDetail.Video(Fields.integer(json, "PlayLength"), Fields.integer(json, "ImgWidth"),
                    Fields.integer(json, "ImgHeight"), XmlText.number(XmlText.attribute(xml, "videomsg", "length")));
            case FILE -> new MessageDetail.File(
                    WebText.decode(Fields.text(json, "FileName")),
                    Fields.longValue(json, "FileSize") != 0 ? Fields.longValue(json, "FileSize") : XmlText.number(XmlText.element(xml, "totallen")),
                    Fields.text(json, "MediaId"),
                    XmlText.element(xml, "fileext"));
            case SHARING -> new MessageDetail.Link(
                    XmlText.optionalElement(xml, "title").orElse(WebText.decode(Fields.text(json, "FileName"))),
                    XmlText.element(xml, "des"),
                    XmlText.optionalElement(xml, "url").orElse(WebText.decode(Fields.text(json, "Url"))),
                    Fields.integer(json, "AppMsgType"));
            case CARD -> card(json, xml);
            case LOCATION -> location(json);
            case EMOTICON -> new MessageDetail.Emoticon(XmlText.attribute(xml, "emoji", "md5"),
                    XmlText.number(XmlText.attribute(xml, "emoji", "len")), Fields.integer(json, "ImgWidth"),
                    Fields.integer(json, "ImgHeight"));
            case RECALL -> new MessageDetail.Recall(XmlText.element(xml, "msgid"), XmlText.element(xml, "replacemsg"));
            case FRIEND_REQUEST -> friendRequest(json, xml);
            default -> MessageDetail.NONE;
        };
    }

    private static MessageDetail card(JsonNode json, String xml) {
        JsonNode info = json.path("RecommendInfo");
        String nick = WebText.decode(Fields.text(info, "NickName"));
        return new MessageDetail.Card(
                Fields.text(info, "UserName"),
                nick.isEmpty() ? XmlText.attribute(xml, "msg", "nickname") : nick,
                Fields.text(info, "Alias").isEmpty() ? XmlText.attribute(xml, "msg", "alias") : Fields.text(info, "Alias"),
                Fields.integer(info, "Sex"),
                WebText.decode(Fields.text(info, "Province")),
                WebText.decode(Fields.text(info, "City")),
                Fields.text(info, "Signature").isEmpty() ? XmlText.attribute(xml, "msg", "sign")
                        : WebText.decode(Fields.text(info, "Signature")),
                XmlText.attribute(xml, "msg", "smallheadimgurl").isEmpty() ? XmlText.attribute(xml, "msg", "bigheadimgurl")
                        : XmlText.attribute(xml, "msg", "smallheadimgurl"));
    }

    /** OriContent holds the XML (sometimes escaped); the Url field links to the map. */
    private static MessageDetail location(JsonNode json) {
        String ori = Fields.text(json, "OriContent");
        String xml = ori.contains("&lt;") ? WebText.decode(ori) : ori;
        return new MessageDetail.Location(
                XmlText.decimal(XmlText.attribute(xml, "location", "x")),
                XmlText.decimal(XmlText.attribute(xml, "location", "y")),
                (int) XmlText.number(XmlText.attribute(xml, "location", "scale")),
                XmlText.attribute(xml, "location", "label"),
                (int) XmlText.number(XmlText.attribute(xml, "location", "maptype")),
                XmlText.attribute(xml, "location", "poiname"),
                XmlText.attribute(xml, "location", "poiid"),
                WebText.decode(Fields.text(json, "Url")));
    }

    private static MessageDetail friendRequest(JsonNode json, String xml) {
        JsonNode info = json.path("RecommendInfo");
        String ticket = Fields.text(info, "Ticket");
        String greeting = WebText.decode(Fields.text(info, "Content"));
        return new MessageDetail.FriendRequest(
                Fields.text(info, "UserName"),
                WebText.decode(Fields.text(info, "NickName")),
                greeting.isEmpty() ? XmlText.attribute(xml, "msg", "content") : greeting,
                ticket.isEmpty() ? XmlText.attribute(xml, "msg", "ticket") : ticket,
                Fields.integer(info, "Scene"),
                Fields.integer(info, "Sex"),
                WebText.decode(Fields.text(info, "Province")),
                WebText.decode(Fields.text(info, "City")));
    }
}
