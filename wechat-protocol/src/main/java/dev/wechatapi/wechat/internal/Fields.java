package dev.wechatapi.wechat.internal;

import tools.jackson.databind.JsonNode;

/**
 * Lenient reads of WeChat's JSON: a missing field is empty or zero, and numbers may arrive as strings (and
 * strings as numbers), because the server and its captures disagree on such types.
 */
final class Fields {

    private Fields() {}

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() || value.isBoolean() ? value.asString() : "";
    }

    static int integer(JsonNode node, String field) {
        return (int) longValue(node, field);
    }

    static long longValue(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isString()) {
            return parseLong(value.asString());
        }
        return 0;
    }

    /** Digits to a long; anything else (empty, garbage) is 0. */
    static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
