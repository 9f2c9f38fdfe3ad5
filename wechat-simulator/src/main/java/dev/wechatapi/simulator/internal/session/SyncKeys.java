package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.http.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SyncKeys as the client sees them. Key 1 counts messages (session base + message position), Key 2 contact changes
 * (session base + 1000 + contact position); the other keys are there because real keys have them, and all values fit
 * a signed 32-bit int (a Java client decodes them so). webwxinit hands out four keys; webwxsync answers with the
 * longer list real sessions grow to. A key that cannot be read (absent, from another session, from the future)
 * falls back to the position of the last webwxsync answer, key by key.
 */
final class SyncKeys {

    private SyncKeys() {}

    /** Key 2 starts this far above Key 1's base, so the two never look alike. */
    private static final int CONTACTS_OFFSET = 1000;

    static ObjectNode initial(Session session, SyncPosition position) {
        return json(keys(session, position, false));
    }

    static ObjectNode afterSync(Session session, SyncPosition position) {
        return json(keys(session, position, true));
    }

    /** The position a synccheck {@code synckey} parameter stands for: {@code 1_v|2_v|...} or URL-decoded JSON. */
    static SyncPosition positionOfQuery(Session session, String synckey) {
        if (synckey == null || synckey.isBlank()) {
            return session.acknowledged();
        }
        String trimmed = synckey.trim();
        if (trimmed.startsWith("{")) {
            try {
                return positionOfJson(session, Json.MAPPER.readTree(trimmed));
            } catch (JacksonException notJson) {
                return session.acknowledged();
            }
        }
        var values = new LinkedHashMap<String, String>();
        for (String pair : trimmed.split("\\|")) {
            String[] kv = pair.split("_", 2);
            if (kv.length == 2) {
                values.putIfAbsent(kv[0].trim(), kv[1].trim());
            }
        }
        return position(session, values.get("1"), values.get("2"));
    }

    /** The position a SyncKey object ({@code {"Count":n,"List":[{"Key":1,"Val":v},...]}}) stands for. */
    static SyncPosition positionOfJson(Session session, JsonNode syncKey) {
        String messages = null;
        String contacts = null;
        for (JsonNode entry : syncKey.path("List")) {
            long key = Json.number(entry, "Key", -1);
            if (key == 1 && messages == null) {
                messages = Json.text(entry, "Val");
            } else if (key == 2 && contacts == null) {
                contacts = Json.text(entry, "Val");
            }
        }
        return position(session, messages, contacts);
    }

    private static SyncPosition position(Session session, String messages, String contacts) {
        SyncPosition fallback = session.acknowledged();
        SyncPosition end = session.current();
        return new SyncPosition(
                toPosition(messages, session.syncBase(), end.messages()).orElse(fallback.messages()),
                toPosition(contacts, session.syncBase() + CONTACTS_OFFSET, end.contacts()).orElse(fallback.contacts()));
    }

    private static OptionalInt toPosition(String value, int base, int end) {
        try {
            long position = Long.parseLong(value) - base;
            // A key from another session or from the future is unreadable; the caller falls back.
            return position < 0 || position > end ? OptionalInt.empty() : OptionalInt.of((int) position);
        } catch (NumberFormatException | NullPointerException unreadable) {
            return OptionalInt.empty();
        }
    }

    private static Map<Integer, Integer> keys(Session session, SyncPosition position, boolean grown) {
        int login = (int) session.loginTime().getEpochSecond();
        var keys = new LinkedHashMap<Integer, Integer>();
        keys.put(1, session.syncBase() + position.messages());
        keys.put(2, session.syncBase() + CONTACTS_OFFSET + position.contacts());
        keys.put(3, session.syncBase() + 500);
        if (grown) {
            keys.put(11, session.syncBase() + 200);
            keys.put(201, (int) Instant.now().getEpochSecond());
        }
        keys.put(1000, login);
        if (grown) {
            keys.put(1001, login + 1);
        }
        return keys;
    }

    private static ObjectNode json(Map<Integer, Integer> keys) {
        ObjectNode json = Json.object();
        json.put("Count", keys.size());
        ArrayNode list = json.putArray("List");
        keys.forEach((key, val) -> list.addObject().put("Key", key).put("Val", val));
        return json;
    }
}
