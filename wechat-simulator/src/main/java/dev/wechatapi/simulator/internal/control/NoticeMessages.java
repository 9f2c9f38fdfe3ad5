package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.media.Images;
import dev.wechatapi.simulator.internal.media.StoredMedia;
import dev.wechatapi.simulator.internal.session.MessageIds;
import dev.wechatapi.simulator.internal.session.Session;
import dev.wechatapi.simulator.internal.session.WireMessage;
import dev.wechatapi.simulator.internal.session.WireMessage.MediaFields;
import dev.wechatapi.simulator.internal.session.WireMessage.RecommendInfo;
import dev.wechatapi.simulator.internal.session.WireText;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Injected messages without bytes of their own (§8.4): link (49/5), contact card (42), location (1/48), system
 * (10000), recall (10002) and friend request (37).
 */
final class NoticeMessages {

    private static final int SUB_TYPE_LOCATION = 48;
    private static final int SCENE_CARD = 17;

    private NoticeMessages() {}

    static WireMessage link(JsonNode body, Envelope envelope) {
        String title = text(body, "title", "分享一篇好文章");
        String description = text(body, "description", "");
        String url = text(body, "url", "https://mp.weixin.qq.com/s/" + WireXml.hex(8));
        String xml = "<?xml version=\"1.0\"?>\n<msg>\n<appmsg appid=\"\" sdkver=\"0\">\n<title>" + WireXml.value(title)
                + "</title>\n<des>" + WireXml.value(description) + "</des>\n<action>view</action>\n<type>5</type>\n"
                + "<showtype>0</showtype>\n<content></content>\n<url>" + WireXml.value(url) + "</url>\n<lowurl></lowurl>\n"
                + "<thumburl></thumburl>\n</appmsg>\n<fromusername>" + envelope.senderWxid() + "</fromusername>\n"
                + "<scene>0</scene>\n</msg>\n";
        var fields = new MediaFields(url, title, -1, "", "", 0, 0, 0, 0, "", "", RecommendInfo.NONE);
        return MediaMessages.message(MessageIds.next(), 49, 5, envelope, WireXml.content(xml), fields);
    }

    /** {@code card}: a contact of the account (as in {@code from}), or {@code nickName} etc. of someone else. */
    static WireMessage card(JsonNode body, Session session, Envelope envelope) {
        String userName;
        Contact person;
        if (body.has("card")) {
            person = ContactRefs.person(session.account(), session, body.get("card"), "card");
            userName = session.userName(person.key());
        } else {
            String nick = text(body, "nickName", null);
            if (nick == null) {
                throw ControlFailure.badRequest("a card needs \"card\" (a contact) or \"nickName\"");
            }
            person = new Contact("card", Contact.Kind.STRANGER, nick, "", (int) Json.number(body, "sex", 0),
                    text(body, "province", ""), text(body, "city", ""), text(body, "signature", ""), text(body, "alias", ""),
                    "wxid_" + WireXml.hex(7), 0, 0);
            userName = "@" + WireXml.hex(16);
        }
        String head = "http://wx.qlogo.cn/mmhead/ver_1/" + WireXml.hex(24) + "/";
        String xml = "<?xml version=\"1.0\"?>\n<msg bigheadimgurl=\"" + head + "0\" smallheadimgurl=\"" + head + "132\" username=\""
                + person.wxid()
                + "\" nickname=\"" + WireXml.value(person.nickName()) + "\" fullpy=\"\" shortpy=\"\" alias=\""
                + WireXml.value(person.alias()) + "\" imagestatus=\"3\" scene=\"17\" province=\"" + WireXml.value(person.province())
                + "\" city=\"" + WireXml.value(person.city()) + "\" sign=\"" + WireXml.value(person.signature()) + "\" sex=\""
                + person.sex() + "\" certflag=\"0\""
                + " certinfo=\"\" brandIconUrl=\"\" brandHomeUrl=\"\" brandSubscriptConfigUrl=\"\" brandFlags=\"0\""
                + " regionCode=\"CN\" />\n";
        var info = new RecommendInfo(userName, WireText.name(person.nickName()), person.province(), person.city(), "",
                WireText.name(person.signature()), person.alias(), SCENE_CARD, person.verifyFlag(), person.sex(), "", 0);
        var fields = new MediaFields("", "", -1, "", "", 0, 0, 0, 0, "", "", info);
        return MediaMessages.message(MessageIds.next(), 42, 0, envelope, WireXml.content(xml), fields);
    }

    /** The map thumbnail the Content links to is served by {@code webwxgetpubliclinkimg}. */
    static WireMessage location(JsonNode body, Session session, Envelope envelope) {
        long id = MessageIds.next();
        session.attachMedia(Long.toString(id), null,
                new StoredMedia(Images.picture(300, 200, "jpg", id), "image/jpeg", id + ".jpg", null));
        String x = number(body, "x", "39.908823");
        String y = number(body, "y", "116.397470");
        String scale = number(body, "scale", "16");
        String label = text(body, "label", "北京市东城区东长安街");
        String poiName = text(body, "poiname", "天安门广场");
        String poiId = text(body, "poiid", "");
        String map = "http://apis.map.qq.com/uri/v1/geocoder?coord=" + x + "," + y;
        String content = WireText.content(label) + ":<br/>/cgi-bin/mmwebwx-bin/webwxgetpubliclinkimg?url=xxx&amp;msgid="
                + id + "&amp;pictype=location";
        String ori = "<?xml version=\"1.0\"?>\n<msg>\n\t<location x=\"" + x + "\" y=\"" + y + "\" scale=\"" + scale
                + "\" label=\"" + WireXml.value(label) + "\" maptype=\"0\" poiname=\"" + WireXml.value(poiName)
                + "\" poiid=\"" + WireXml.value(poiId) + "\" />\n</msg>\n";
        var fields = new MediaFields(map, "", -1, "", "", 0, 0, 0, 0, ori, "", RecommendInfo.NONE);
        return new WireMessage(id, 1, SUB_TYPE_LOCATION, 0, envelope.from(), envelope.to(), envelope.prefix() + content, 0, "",
                Instant.now(), fields);
    }

    /** System notices carry no sender prefix, not even in groups (§8.2). */
    static WireMessage system(JsonNode body, Envelope envelope) {
        String text = text(body, "text", null);
        if (text == null) {
            throw ControlFailure.badRequest("a system message needs \"text\"");
        }
        return WireMessage.ofType(10000, envelope.from(), envelope.to(), WireText.content(text));
    }

    /** {@code msgId}: the message taken back; {@code replaceText} defaults to {@code "<nick>" 撤回了一条消息}. */
    static WireMessage recall(JsonNode body, Envelope envelope) {
        String recalled = text(body, "msgId", null);
        if (recalled == null || !recalled.matches("\\d{1,20}")) {
            throw ControlFailure.badRequest("a recall needs \"msgId\", the id of the message taken back");
        }
        String replace = text(body, "replaceText", "\"" + envelope.senderNickName() + "\" 撤回了一条消息");
        String xml = "<sysmsg type=\"revokemsg\"><revokemsg><session>" + envelope.chatId() + "</session><oldmsgid>"
                + (1_000_000_000L + MessageIds.next() % 1_000_000_000L) + "</oldmsgid><msgid>" + recalled
                + "</msgid><newmsgid>" + recalled + "</newmsgid><replacemsg><![CDATA[" + replace.replace("]]>", "]] >")
                + "]]></replacemsg></revokemsg></sysmsg>";
        return MediaMessages.message(MessageIds.next(), 10002, 0, envelope, WireXml.content(xml), MediaFields.NONE);
    }

    /** From {@code fmessage}: {@code nickName}, {@code greeting}, {@code sex}, {@code province}, {@code city}, {@code scene}. */
    static WireMessage friendRequest(JsonNode body, Session session) {
        String nick = text(body, "nickName", "新朋友");
        String greeting = text(body, "greeting", "我是" + nick);
        int sex = (int) Json.number(body, "sex", 0);
        int scene = (int) Json.number(body, "scene", 30);
        String province = text(body, "province", "");
        String city = text(body, "city", "");
        String alias = text(body, "alias", "");
        String ticket = "v2_" + WireXml.hex(40) + "@stranger";
        String encryptUserName = "v1_" + WireXml.hex(32) + "@stranger";
        String userName = "@" + WireXml.hex(16);
        var person = new Contact(session.account().newKey("r"), Contact.Kind.FRIEND, nick, "", sex, province, city, "", alias,
                "wxid_" + WireXml.hex(7), 0, 0);
        session.rememberFriendRequest(userName, new Session.FriendRequest(person, ticket));
        String xml = "<msg fromusername=\"" + person.wxid() + "\" encryptusername=\"" + encryptUserName
                + "\" fromnickname=\"" + WireXml.value(nick) + "\" content=\"" + WireXml.value(greeting)
                + "\" fullpy=\"\" shortpy=\"\" imagestatus=\"3\" scene=\"" + scene + "\" country=\"CN\" province=\""
                + WireXml.value(province) + "\" city=\"" + WireXml.value(city) + "\" sign=\"\" percard=\"1\" sex=\"" + sex
                + "\" alias=\"" + WireXml.value(alias) + "\" weibo=\"\" albumflag=\"0\" albumstyle=\"0\" albumbgimgid=\"\""
                + " snsflag=\"1\" snsbgimgid=\"\" snsbgobjectid=\"0\" mhash=\"\" mfullhash=\"\" bigheadimgurl=\"\""
                + " smallheadimgurl=\"\" ticket=\"" + ticket + "\" opcode=\"2\" googlecontact=\"\" qrticket=\"\""
                + " chatroomusername=\"\" sourceusername=\"\" sourcenickname=\"\"><brandlist count=\"0\" ver=\"1\">"
                + "</brandlist></msg>";
        var info = new RecommendInfo(userName, WireText.name(nick), province, city, WireText.content(greeting),
                "", alias, scene, 0, sex, ticket, 2);
        var fields = new MediaFields("", "", -1, "", "", 0, 0, 0, 0, "", ticket, info);
        var envelope = new Envelope("fmessage", session.selfUserName(), "", "", "fmessage", "", "fmessage");
        return MediaMessages.message(MessageIds.next(), 37, 0, envelope, WireXml.content(xml), fields);
    }

    private static String text(JsonNode body, String field, String fallback) {
        String value = Json.text(body, field);
        return value == null ? fallback : value;
    }

    private static String number(JsonNode body, String field, String fallback) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw ControlFailure.badRequest(field + " must be a number");
        }
        return value.asString();
    }
}
