package dev.wechatapi.simulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What an endpoint answers: status, content type, exact body bytes and extra headers (Set-Cookie may repeat). */
public record Reply(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers) {

    public Reply {
        headers = List.copyOf(headers);
    }

    /** JS-assignment bodies (jslogin, login poll, synccheck), served like the real server does. */
    public static Reply javascript(String body) {
        return new Reply(200, "text/javascript", body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    /** Protocol JSON: the real server labels it text/plain and every client parses it regardless. */
    public static Reply protocolJson(JsonNode body) {
        return new Reply(200, "text/plain; charset=utf-8", Json.MAPPER.writeValueAsBytes(body), List.of());
    }

    public static Reply json(int status, JsonNode body) {
        return new Reply(status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(body), List.of());
    }

    public static Reply json(JsonNode body) {
        return json(200, body);
    }

    public static Reply text(int status, String body) {
        return new Reply(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    public static Reply bytes(String contentType, byte[] body) {
        return new Reply(200, contentType, body, List.of());
    }

    /** A control-API error in one shape: {@code {"error": "..."}}. */
    public static Reply error(int status, String message) {
        return json(status, Json.object().put("error", message));
    }

    public Reply withStatus(int newStatus) {
        return new Reply(newStatus, contentType, body, headers);
    }

    public Reply withHeader(String name, String value) {
        var more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new Reply(status, contentType, body, more);
    }
}
