package dev.wechatapi.events;

import java.util.List;

/**
 * One contact of an account as the session service saw it. {@code puid} is the stable identity within the app;
 * {@code userName} is WeChat's per-login id and changes at every login.
 *
 * @param members group members (empty for friends and official accounts)
 * @param avatarMediaId media store id of the avatar, or null when not downloaded
 */
public record Contact(
        String puid,
        ContactKind kind,
        String userName,
        String nickName,
        String remarkName,
        String displayName,
        String signature,
        int sex,
        String province,
        String city,
        String avatarMediaId,
        List<Contact> members) {

    public Contact {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** The name a person would call this contact: remark name first, then nick name. */
    public String name() {
        return remarkName != null && !remarkName.isEmpty() ? remarkName : nickName;
    }
}
