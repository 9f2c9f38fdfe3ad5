package dev.wechatapi.archive.messages;

import dev.wechatapi.archive.store.Where;
import dev.wechatapi.archive.web.LocalTimes;
import dev.wechatapi.archive.web.QueryParams;
import dev.wechatapi.events.MessageType;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The filters of {@code GET /messages}. Times are local to the configured zone, as the API renders them. */
final class MessageFilter {

    private static final Set<String> FILTERS = Set.of("type", "create_time", "create_time__gte", "create_time__lte",
            "receive_time", "receive_time__gte", "receive_time__lte", "is_at", "sender_puid", "receiver_puid", "search");

    private MessageFilter() {}

    /** The app's messages matching the request's filters; a malformed value is refused before any query runs. */
    static MessageQuery query(String appId, QueryParams params, LocalTimes times) {
        Where where = Where.appId(appId);
        Set<String> filters = new HashSet<>();
        Optional<MessageType> type = params.oneOf("type", MessageType.class);
        type.ifPresent(value -> where.equal("type", value.name()));
        for (String column : new String[] {"create_time", "receive_time"}) {
            params.dateTime(column).ifPresent(time -> exactly(where, column, times.toUtc(time)));
            params.dateTime(column + "__gte").ifPresent(time -> where.compare(column, ">=", times.toUtc(time)));
            params.dateTime(column + "__lte").ifPresent(time -> atMost(where, column, times.toUtc(time)));
        }
        params.bool("is_at").ifPresent(isAt -> where.equal("is_at", isAt));
        params.text("sender_puid").ifPresent(puid -> where.equal("sender_puid", puid));
        params.text("receiver_puid").ifPresent(puid -> where.equal("receiver_puid", puid));
        // The bigram index finds the candidates fast; the LIKE keeps the ones that really contain the text.
        params.text("search").ifPresent(text ->
                where.matches("text_grams", TextGrams.query(text)).contains("text", text));
        // The filters applied: every one that is present (a malformed one has been refused above).
        for (String name : FILTERS) {
            params.text(name).ifPresent(value -> filters.add(name));
        }
        return new MessageQuery(appId, where, Set.copyOf(filters), type.map(MessageType::name).orElse(null));
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
