package dev.wechatapi.archive.contacts;

import dev.wechatapi.events.Contact;
import java.time.LocalDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One contact or group member as the tables hold it; {@code groupPuid} is set for members only. */
record ContactRow(
        String puid,
        String kind,
        boolean self,
        @Nullable String groupPuid,
        @Nullable String userName,
        @Nullable String nickName,
        @Nullable String remarkName,
        @Nullable String displayName,
        @Nullable String name,
        @Nullable String signature,
        int sex,
        @Nullable String province,
        @Nullable String city,
        @Nullable String avatarMediaId) {

    /** The row of a contact, or empty when the event lacks what identifies it. */
    static Optional<ContactRow> of(Contact contact, boolean self) {
        if (contact.puid() == null || contact.puid().isBlank() || contact.kind() == null) {
            return Optional.empty();
        }
        // Sex outside WeChat's 0/1/2 would be unfilterable; it is "unknown".
        int sex = contact.sex() >= 0 && contact.sex() <= 2 ? contact.sex() : 0;
        return Optional.of(new ContactRow(contact.puid(), contact.kind().name(), self, null, contact.userName(),
                contact.nickName(), contact.remarkName(), contact.displayName(), contact.name(), contact.signature(),
                sex, contact.province(), contact.city(), contact.avatarMediaId()));
    }

    ContactRow inGroup(String group) {
        return new ContactRow(puid, kind, self, group, userName, nickName, remarkName, displayName, name, signature,
                sex, province, city, avatarMediaId);
    }

    /** The values of a contacts row, in the column order of {@link ContactSnapshots}. */
    @Nullable Object[] contactValues(String appId, LocalDateTime snapshotAt) {
        return new @Nullable Object[] {appId, puid, kind, self, userName, nickName, remarkName, displayName, name,
            signature, sex, province, city, avatarMediaId, snapshotAt};
    }

    /** The values of a group_members row (of a member, see {@link #inGroup}), in the order of {@link ContactSnapshots}. */
    @Nullable Object[] memberValues(String appId) {
        return new @Nullable Object[] {appId, groupPuid, puid, userName, nickName, remarkName, displayName, name,
            signature, sex, province, city, avatarMediaId};
    }
}
