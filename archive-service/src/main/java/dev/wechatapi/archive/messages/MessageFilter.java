package dev.wechatapi.archive.messages;

import dev.wechatapi.archive.store.Where;
import dev.wechatapi.archive.web.LocalTimes;
import dev.wechatapi.archive.web.QueryParams;
import dev.wechatapi.events.MessageType;
import java.time.LocalDateTime;

/** The filters of {@code GET /messages}. Times are local to the configured zone, as the API renders them. */
final class MessageFilter {

    private MessageFilter() {}

    /** The app's messages matching the request's filters; a malformed value is refused before any query runs. */
    static Where where(String appId, QueryParams params, LocalTimes times) {
        Where where = Where.appId(appId);
        params.oneOf("type", MessageType.class).ifPresent(type -> where.equal("type", type.name()));
        for (String column : new String[] {"create_time", "receive_time"}) {
            params.dateTime(column).ifPresent(time -> exactly(where, column, times.toUtc(time)));
            params.dateTime(column + "__gte").ifPresent(time -> where.compare(column, ">=", times.toUtc(time)));
            params.dateTime(column + "__lte").ifPresent(time -> atMost(where, column, times.toUtc(time)));
        }
        params.bool("is_at").ifPresent(isAt -> where.equal("is_at", isAt));
        params.text("sender_puid").ifPresent(puid -> where.equal("sender_puid", puid));
        params.text("receiver_puid").ifPresent(puid -> where.equal("receiver_puid", puid));
        params.text("search").ifPresent(text -> where.contains("text", text));
        return where;
    }

    // Times are shown to the second but stored to the millisecond: a time given to the second means that second.
    private static void exactly(Where where, String column, LocalDateTime time) {
        if (time.getNano() == 0) {
            where.compare(column, ">=", time).compare(column, "<", time.plusSeconds(1));
        } else {
            where.equal(column, time);
        }
    }

    private static void atMost(Where where, String column, LocalDateTime time) {
        if (time.getNano() == 0) {
            where.compare(column, "<", time.plusSeconds(1));
        } else {
            where.compare(column, "<=", time);
        }
    }
}
