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
 * SyncKeys as the client sees them. Key 1 counts messages (session base + queue position); the other keys are
 * there because real keys have them, and all values fit a signed 32-bit int (a Java client decodes them so).
 * webwxinit hands out four keys; webwxsync answers with the longer list real sessions grow to.
 */
final class SyncKeys {

    private SyncKeys() {}

    static ObjectNode initial(Session session, int position) {
        return json(keys(session, position, false));
    }

    static ObjectNode afterSync(Session session, int position) {
        return json(keys(session, position, true));
    }

    /** The position a synccheck {@code synckey} parameter stands for: {@code 1_v|2_v|...} or URL-decoded JSON. */
    static OptionalInt positionOfQuery(Session session, String synckey) {
        if (synckey == null || synckey.isBlank()) {
            return OptionalInt.empty();
        }
        String trimmed = synckey.trim();
        if (trimmed.startsWith("{")) {
            try {
                return positionOfJson(session, Json.MAPPER.readTree(trimmed));
            } catch (JacksonException notJson) {
                return OptionalInt.empty();
            }
        }
        for (String pair : trimmed.split("\\|")) {
            String[] kv = pair.split("_", 2);
            if (kv.length == 2 && kv[0].trim().equals("1")) {
                return toPosition(session, kv[1].trim());
            }
        }
        return OptionalInt.empty();
    }

    /** The position a SyncKey object ({@code {"Count":n,"List":[{"Key":1,"Val":v},...]}}) stands for. */
    static OptionalInt positionOfJson(Session session, JsonNode syncKey) {
        for (JsonNode entry : syncKey.path("List")) {
            if (Json.number(entry, "Key", -1) == 1) {
                return toPosition(session, Json.text(entry, "Val"));
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt toPosition(Session session, String value) {
        try {
            long position = Long.parseLong(value) - session.syncBase();
            // A key from another session or from the future is unreadable; the caller falls back.
            return position < 0 || position > session.position() ? OptionalInt.empty() : OptionalInt.of((int) position);
        } catch (NumberFormatException | NullPointerException unreadable) {
            return OptionalInt.empty();
        }
    }

    private static Map<Integer, Integer> keys(Session session, int position, boolean grown) {
        int login = (int) session.loginTime().getEpochSecond();
        var keys = new LinkedHashMap<Integer, Integer>();
        keys.put(1, session.syncBase() + position);
        keys.put(2, session.syncBase() + 1000);
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
