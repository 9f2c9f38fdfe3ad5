package dev.wechatapi.archive.messages;

import dev.wechatapi.archive.store.Where;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filters of one {@code /messages} request: the WHERE clause, and which filters it holds, so the store can
 * answer the count from {@code message_counts} and read the page through the index that fits.
 *
 * @param filters the names of the filters applied, e.g. {@code type}, {@code create_time__gte}
 * @param type the message type filtered on, if any
 */
record MessageQuery(String appId, Where where, Set<String> filters, @Nullable String type) {

    /** Whether {@code message_counts} holds the count: no filter, or the type alone. */
    boolean countedByType() {
        return filters.isEmpty() || filters.equals(Set.of("type"));
    }

    /**
     * The index that reads this query's rows in create_time order, or null to leave the choice to the database.
     * MariaDB tends to walk ix_messages_created for any filter (it delivers the order) and check every row it
     * passes, which at page 5,000 of a filtered list is tens of thousands of row lookups.
     */
    @Nullable String createTimeIndex() {
        if (filters.contains("search") || filters.stream().anyMatch(filter -> filter.startsWith("receive_time"))) {
            return null;
        }
        if (filters.contains("sender_puid")) {
            return "ix_messages_sender";
        }
        if (filters.contains("receiver_puid")) {
            return "ix_messages_receiver";
        }
        if (filters.contains("type")) {
            return "ix_messages_type";
        }
        if (filters.contains("is_at")) {
            return "ix_messages_at";
        }
        return "ix_messages_created";
    }
}
