package dev.wechatapi.wechat.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A SyncKey or SyncCheckKey: the client's position in the account's stream of changes (§7). */
record SyncKey(List<Entry> entries) {

    record Entry(long key, long val) {}

    SyncKey {
        entries = List.copyOf(entries);
    }

    static SyncKey parse(JsonNode json) {
        var entries = new ArrayList<Entry>();
        for (JsonNode entry : json.path("List")) {
            entries.add(new Entry(Fields.longValue(entry, "Key"), Fields.longValue(entry, "Val")));
        }
        return new SyncKey(entries);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The synccheck form, {@code 1_654585659|2_654585673|...}. */
    String formatted() {
        return entries.stream().map(entry -> entry.key() + "_" + entry.val()).collect(Collectors.joining("|"));
    }

    ObjectNode toJson() {
        ObjectNode json = WebCalls.JSON.createObjectNode();
        json.put("Count", entries.size());
        ArrayNode list = json.putArray("List");
        entries.forEach(entry -> list.addObject().put("Key", entry.key()).put("Val", entry.val()));
        return json;
    }
}
