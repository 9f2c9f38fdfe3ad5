package dev.wechatapi.archive.contacts;

import dev.wechatapi.archive.store.Where;
import dev.wechatapi.archive.web.QueryParams;
import java.util.List;

/** The exact-match filters of {@code GET /friends}, each named after the field (and column) it matches. */
final class FriendFilter {

    private static final List<String> TEXT_FIELDS =
            List.of("puid", "name", "nick_name", "user_name", "remark_name", "signature", "province", "city");

    private FriendFilter() {}

    /** The app's friends matching the request's filters; a malformed value is refused before any query runs. */
    static Where where(String appId, QueryParams params) {
        Where where = Where.appId(appId).equal("kind", "FRIEND");
        TEXT_FIELDS.forEach(field -> params.text(field).ifPresent(value -> where.equal(field, value)));
        params.integer("sex", 0, 2).ifPresent(sex -> where.equal("sex", sex));
        return where;
    }
}
