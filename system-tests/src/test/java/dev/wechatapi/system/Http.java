package dev.wechatapi.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for driving the system from outside, as any API client would. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final String baseUrl;
    private final Map<String, String> headers;

    Http(String baseUrl) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, Map.of());
    }

    private Http(HttpClient client, String baseUrl, Map<String, String> headers) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    /** The same client sending one more header with every request (e.g. the app id on an internal call). */
    Http withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(client, baseUrl, Map.copyOf(more));
    }

    Response get(String path, Map<String, String> query) {
        return send(HttpRequest.newBuilder(uri(path, query)).GET());
    }

    Response get(String path) {
        return get(path, Map.of());
    }

    Response postJson(String path, Map<String, String> query, Object body) {
        return send(HttpRequest.newBuilder(uri(path, query))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    Response postRaw(String path, Map<String, String> query, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path, query))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Response send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path, Map<String, String> query) {
        String queryString = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + path + (queryString.isEmpty() ? "" : "?" + queryString));
    }

    record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
