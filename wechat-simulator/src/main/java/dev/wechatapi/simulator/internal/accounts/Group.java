package dev.wechatapi.simulator.internal.accounts;

import java.util.List;

/**
 * A group chat the account belongs to; the account itself is always one of the members.
 *
 * @param chatroomId the login-independent {@code <digits>@chatroom} id
 * @param ownerKey the contact key of the owner ("self" when the account owns it)
 */
public record Group(String key, String topic, String chatroomId, String ownerKey, List<Member> members) {

    public Group {
        members = List.copyOf(members);
    }

    /** A member and the name they chose for this group (empty: clients fall back to the nick name). */
    public record Member(String contactKey, String displayName) {}

    public String displayNameOf(String contactKey) {
        return members.stream()
                .filter(member -> member.contactKey().equals(contactKey))
                .map(Member::displayName)
                .findFirst()
                .orElse("");
    }
}
