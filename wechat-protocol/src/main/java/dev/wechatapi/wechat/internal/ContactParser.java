package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.WeChatContact;
import java.util.ArrayList;
import tools.jackson.databind.JsonNode;

/** WeChat's contact objects (§5.2; group members §6) as {@link WeChatContact}s with names decoded. */
final class ContactParser {

    private ContactParser() {}

    static WeChatContact parse(JsonNode json) {
        var members = new ArrayList<WeChatContact>();
        for (JsonNode member : json.path("MemberList")) {
            members.add(parse(member));
        }
        return new WeChatContact(
                Fields.text(json, "UserName"),
                WebText.decode(Fields.text(json, "NickName")),
                WebText.decode(Fields.text(json, "RemarkName")),
                WebText.decode(Fields.text(json, "DisplayName")),
                WebText.decode(Fields.text(json, "Signature")),
                Fields.integer(json, "Sex"),
                WebText.decode(Fields.text(json, "Province")),
                WebText.decode(Fields.text(json, "City")),
                Fields.text(json, "Alias"),
                Fields.longValue(json, "Uin"),
                Fields.integer(json, "VerifyFlag"),
                Fields.text(json, "HeadImgUrl"),
                members);
    }
}
