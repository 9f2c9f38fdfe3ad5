package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.accounts.Group;
import dev.wechatapi.simulator.internal.http.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contacts, groups and group members as WeChat's JSON objects (§5.2, §6), with every field clients read. Names
 * go out with emoji span markup, user names are this session's.
 */
final class ContactJson {

    private ContactJson() {}

    /** The logged-in account, as webwxinit's {@code User}. */
    static ObjectNode self(Session session) {
        Contact self = session.account().self();
        ObjectNode json = Json.object();
        json.put("Uin", self.uin());
        json.put("UserName", session.selfUserName());
        json.put("NickName", WireText.name(self.nickName()));
        json.put("HeadImgUrl", iconUrl(session, self, "webwxgeticon"));
        json.put("RemarkName", "");
        json.put("PYInitial", "");
        json.put("PYQuanPin", "");
        json.put("RemarkPYInitial", "");
        json.put("RemarkPYQuanPin", "");
        json.put("HideInputBarFlag", 0);
        json.put("StarFriend", 0);
        json.put("Sex", self.sex());
        json.put("Signature", WireText.name(self.signature()));
        json.put("AppAccountFlag", 0);
        json.put("VerifyFlag", 0);
        json.put("ContactFlag", 0);
        json.put("WebWxPluginSwitch", 0);
        json.put("HeadImgFlag", 1);
        json.put("SnsFlag", 17);
        return json;
    }

    /** A friend, official or special account as webwxgetcontact and webwxbatchgetcontact list them. */
    static ObjectNode contact(Session session, Contact contact) {
        ObjectNode json = common(session.userName(contact.key()), WireText.name(contact.nickName()),
                iconUrl(session, contact, "webwxgeticon"));
        json.put("ContactFlag", contact.kind() == Contact.Kind.STRANGER ? 0 : 3);
        json.put("RemarkName", WireText.name(contact.remarkName()));
        json.put("Sex", contact.sex());
        json.put("Signature", WireText.name(contact.signature()));
        json.put("VerifyFlag", contact.verifyFlag());
        json.put("AttrStatus", attrStatus(contact));
        json.put("Province", contact.province());
        json.put("City", contact.city());
        json.put("Alias", contact.alias());
        json.put("SnsFlag", contact.kind() == Contact.Kind.FRIEND ? 17 : 0);
        json.put("KeyWord", contact.kind() == Contact.Kind.OFFICIAL ? "gh_" : "");
        return json;
    }

    /** A group; with members for webwxbatchgetcontact, without (MemberCount 0) for webwxgetcontact. */
    static ObjectNode group(Session session, Group group, boolean withMembers) {
        ObjectNode json = common(session.userName(group.key()), WireText.name(group.topic()),
                "/cgi-bin/mmwebwx-bin/webwxgetheadimg?seq=" + seq(group.chatroomId()) + "&username="
                        + session.userName(group.key()) + "&skey=");
        json.put("ContactFlag", 2);
        json.put("MemberCount", withMembers ? group.members().size() : 0);
        ArrayNode members = json.putArray("MemberList");
        if (withMembers) {
            for (Group.Member member : group.members()) {
                session.account().contact(member.contactKey())
                        .ifPresent(contact -> members.add(member(session, contact, member.displayName())));
            }
            json.put("EncryChatRoomId", session.encryChatRoomId(group.key()));
            json.put("ChatRoomOwner", session.userName(group.ownerKey()));
        }
        json.put("IsOwner", group.ownerKey().equals("self") ? 1 : 0);
        return json;
    }

    /** A MemberList entry of a group. */
    static ObjectNode member(Session session, Contact contact, String displayName) {
        ObjectNode json = Json.object();
        json.put("Uin", 0);
        json.put("UserName", session.userName(contact.key()));
        json.put("NickName", WireText.name(contact.nickName()));
        json.put("AttrStatus", attrStatus(contact));
        json.put("PYInitial", "");
        json.put("PYQuanPin", "");
        json.put("RemarkPYInitial", "");
        json.put("RemarkPYQuanPin", "");
        json.put("MemberStatus", 0);
        json.put("DisplayName", WireText.name(displayName));
        json.put("KeyWord", "");
        return json;
    }

    /** What webwxbatchgetcontact answers for a user name this session never handed out. */
    static ObjectNode unknown(String userName) {
        ObjectNode json = common(userName, "", "");
        json.put("ContactFlag", 0);
        return json;
    }

    private static ObjectNode common(String userName, String nickName, String headImgUrl) {
        ObjectNode json = Json.object();
        json.put("Uin", 0);
        json.put("UserName", userName);
        json.put("NickName", nickName);
        json.put("HeadImgUrl", headImgUrl);
        json.put("ContactFlag", 0);
        json.put("MemberCount", 0);
        json.putArray("MemberList");
        json.put("RemarkName", "");
        json.put("HideInputBarFlag", 0);
        json.put("Sex", 0);
        json.put("Signature", "");
        json.put("VerifyFlag", 0);
        json.put("OwnerUin", 0);
        json.put("PYInitial", "");
        json.put("PYQuanPin", "");
        json.put("RemarkPYInitial", "");
        json.put("RemarkPYQuanPin", "");
        json.put("StarFriend", 0);
        json.put("AppAccountFlag", 0);
        json.put("Statues", 0);
        json.put("AttrStatus", 0);
        json.put("Province", "");
        json.put("City", "");
        json.put("Alias", "");
        json.put("SnsFlag", 0);
        json.put("UniFriend", 0);
        json.put("DisplayName", "");
        json.put("ChatRoomId", 0);
        json.put("KeyWord", "");
        json.put("EncryChatRoomId", "");
        json.put("IsOwner", 0);
        return json;
    }

    private static String iconUrl(Session session, Contact contact, String endpoint) {
        return "/cgi-bin/mmwebwx-bin/" + endpoint + "?seq=" + seq(contact.wxid()) + "&username="
                + session.userName(contact.key()) + "&skey=" + session.skey();
    }

    /** Avatar sequence numbers stay the same across logins, like the real ones (openwechat uses them as ids). */
    private static int seq(String stableId) {
        return 600_000_000 + Math.floorMod(stableId.hashCode(), 100_000_000);
    }

    private static int attrStatus(Contact contact) {
        return switch (contact.kind()) {
            case FRIEND, STRANGER, SELF -> 33_656_933 + Math.floorMod(contact.wxid().hashCode(), 1000) * 4096;
            case OFFICIAL, SPECIAL -> 0;
        };
    }
}
