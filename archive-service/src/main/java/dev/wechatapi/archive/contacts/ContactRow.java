package dev.wechatapi.archive.contacts;

import dev.wechatapi.archive.store.Values;
import dev.wechatapi.events.Contact;
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

    /** The VALUES tuple of a contacts row, its parameters suffixed with the row index. */
    String placeholders(int i, String snapshotAt) {
        return "(:appId, :puid%1$d, :kind%1$d, :self%1$d, :userName%1$d, :nickName%1$d, :remarkName%1$d,"
                .formatted(i)
                + " :displayName%1$d, :name%1$d, :signature%1$d, :sex%1$d, :province%1$d, :city%1$d, :avatar%1$d, "
                        .formatted(i)
                + snapshotAt + ")";
    }

    /** The VALUES tuple of a group_members row. */
    String memberPlaceholders(int i) {
        return "(:appId, :group%1$d, :puid%1$d, :userName%1$d, :nickName%1$d, :remarkName%1$d, :displayName%1$d,"
                .formatted(i)
                + " :name%1$d, :signature%1$d, :sex%1$d, :province%1$d, :city%1$d, :avatar%1$d)".formatted(i);
    }

    /** Binds the parameters of {@link #placeholders}. */
    void bindContact(Values values, int i) {
        values.put("kind" + i, kind, String.class).put("self" + i, self, Boolean.class);
        bindCommon(values, i);
    }

    /** Binds the parameters of {@link #memberPlaceholders}. */
    void bindMember(Values values, int i) {
        values.put("group" + i, groupPuid, String.class);
        bindCommon(values, i);
    }

    private void bindCommon(Values values, int i) {
        values.put("puid" + i, puid, String.class)
                .put("userName" + i, userName, String.class)
                .put("nickName" + i, nickName, String.class)
                .put("remarkName" + i, remarkName, String.class)
                .put("displayName" + i, displayName, String.class)
                .put("name" + i, name, String.class)
                .put("signature" + i, signature, String.class)
                .put("sex" + i, sex, Integer.class)
                .put("province" + i, province, String.class)
                .put("city" + i, city, String.class)
                .put("avatar" + i, avatarMediaId, String.class);
    }
}
