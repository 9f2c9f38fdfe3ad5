package dev.wechatapi.simulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One request as the endpoints see it: query parameters by case-insensitive name (clients disagree on
 * {@code MsgID} vs {@code msgid}), cookies, and the body parsed as JSON whatever the Content-Type says (itchat
 * sends none at all).
 */
public final class Exchange {

    private final HttpExchange raw;
    private final String rawQuery;
    private final Map<String, String> query;
    private final Map<String, String> cookies;
    private final byte[] body;
    private final Map<String, String> pathParams = new HashMap<>();
    private JsonNode json;

    Exchange(HttpExchange raw) throws IOException {
        this.raw = raw;
        this.rawQuery = raw.getRequestURI().getRawQuery() == null ? "" : raw.getRequestURI().getRawQuery();
        this.query = parseQuery(rawQuery);
        this.cookies = parseCookies(raw.getRequestHeaders().getOrDefault("Cookie", List.of()));
        try (var in = raw.getRequestBody()) {
            this.body = in.readAllBytes();
        }
    }

    public String method() {
        return raw.getRequestMethod();
    }

    public String path() {
        return raw.getRequestURI().getRawPath();
    }

    /** The query string exactly as sent, still URL-encoded. */
    public String rawQuery() {
        return rawQuery;
    }

    /** A query parameter (first value), looked up case-insensitively; null when absent. */
    public String query(String name) {
        return query.get(name.toLowerCase(Locale.ROOT));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public String header(String name) {
        return raw.getRequestHeaders().getFirst(name);
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    void bindPathParams(Map<String, String> params) {
        pathParams.putAll(params);
    }

    /** The authority the client used to reach us, so links we hand out point back at the same origin. */
    public String hostHeader() {
        String host = header("Host");
        if (host == null || host.isBlank()) {
            var local = raw.getLocalAddress();
            return local.getHostString() + ":" + local.getPort();
        }
        return host.trim();
    }

    /** The body exactly as sent. */
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or a missing node when it is empty or not JSON. */
    public JsonNode json() {
        if (json == null) {
            json = parseJson(body);
        }
        return json;
    }

    private static JsonNode parseJson(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        var params = new HashMap<String, String>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            // Some clients paste tickets into URLs unencoded; keep what they sent rather than fail.
            return text;
        }
    }

    private static Map<String, String> parseCookies(List<String> headers) {
        var cookies = new HashMap<String, String>();
        for (String header : headers) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
        }
        return cookies;
    }
}
