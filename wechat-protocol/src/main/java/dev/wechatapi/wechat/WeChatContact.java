package dev.wechatapi.wechat;

import java.util.List;

/**
 * A contact as WeChat describes it, emoji markup already decoded. {@code userName} changes at every login; use
 * {@link #identityKey()} for something that does not.
 *
 * @param headImgUrl WeChat's avatar path (relative to the main host)
 * @param members group members (groups only; empty otherwise)
 */
public record WeChatContact(
        String userName,
        String nickName,
        String remarkName,
        String displayName,
        String signature,
        int sex,
        String province,
        String city,
        String alias,
        long uin,
        int verifyFlag,
        String headImgUrl,
        List<WeChatContact> members) {

    public WeChatContact {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public boolean isGroup() {
        return userName != null && userName.startsWith("@@");
    }

    /** Official accounts have bit 8 of {@code VerifyFlag} set. */
    public boolean isOfficialAccount() {
        return !isGroup() && (verifyFlag & 8) != 0;
    }

    /**
     * The most reliable login-independent identity WeChat reveals for this contact, most reliable first:
     * uin, alias (微信号), remark name, then the (nick name, sex, province, city) fingerprint wxpy also used.
     */
    public String identityKey() {
        if (uin != 0) {
            return "uin:" + uin;
        }
        if (alias != null && !alias.isEmpty()) {
            return "alias:" + alias;
        }
        if (remarkName != null && !remarkName.isEmpty()) {
            return "remark:" + remarkName;
        }
        return (isGroup() ? "group:" : "nick:") + nickName + "|" + sex + "|" + province + "|" + city;
    }
}
