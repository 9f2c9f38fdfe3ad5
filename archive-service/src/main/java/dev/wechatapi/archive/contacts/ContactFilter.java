package dev.wechatapi.archive.contacts;

import dev.wechatapi.archive.store.Where;
import dev.wechatapi.archive.web.QueryParams;
import java.util.List;

/**
 * The exact-match filters of the contact lists, each named after the field (and column) it matches. A malformed
 * value is refused before any query runs.
 */
final class ContactFilter {

    private static final List<String> FRIEND_FIELDS =
            List.of("puid", "name", "nick_name", "user_name", "remark_name", "signature", "province", "city");
    private static final List<String> GROUP_FIELDS = List.of("puid", "name", "nick_name", "user_name");
    private static final List<String> MP_FIELDS = List.of("puid", "name", "nick_name", "province", "city", "signature");

    private ContactFilter() {}

    /** {@code GET /friends}: the app's friends, the account itself included. */
    static Where friends(String appId, QueryParams params) {
        Where where = Where.appId(appId).equal("kind", "FRIEND");
        FRIEND_FIELDS.forEach(field -> params.text(field).ifPresent(value -> where.equal(field, value)));
        params.integer("sex", 0, 2).ifPresent(sex -> where.equal("sex", sex));
        return where;
    }

    /** {@code GET /groups}. */
    static Where groups(String appId, QueryParams params) {
        Where where = Where.appId(appId).equal("kind", "GROUP");
        GROUP_FIELDS.forEach(field -> params.text(field).ifPresent(value -> where.equal(field, value)));
        return where;
    }

    /** {@code GET /mps}: the official accounts the account follows. */
    static Where mps(String appId, QueryParams params) {
        Where where = Where.appId(appId).equal("kind", "MP");
        MP_FIELDS.forEach(field -> params.text(field).ifPresent(value -> where.equal(field, value)));
        return where;
    }

    /** {@code GET /members/{group}}: the friends' filters over group_members, where the puid is member_puid. */
    static Where members(String appId, String groupPuid, QueryParams params) {
        Where where = Where.appId(appId).equal("group_puid", groupPuid);
        FRIEND_FIELDS.forEach(field -> params.text(field)
                .ifPresent(value -> where.equal(field.equals("puid") ? "member_puid" : field, value)));
        params.integer("sex", 0, 2).ifPresent(sex -> where.equal("sex", sex));
        return where;
    }
}
