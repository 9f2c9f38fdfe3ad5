package dev.wechatapi.handlers.internal;

import dev.wechatapi.handlers.GatewayException;
import dev.wechatapi.handlers.TextSender;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends texts through the gateway's public API as one app: {@code GET /access_token} with the app's id and secret,
 * then {@code POST /send-message} with the token as a bearer credential. The token is renewed when 80% of its
 * lifetime has passed, so it is never used close to expiry, and once more if the gateway rejects it anyway
 * (the gateway restarted, or another copy of the app obtained a newer token).
 */
public final class GatewayClient implements TextSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final String appId;
    private final String appSecret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant renewAt = Instant.MIN;

    public GatewayClient(URI baseUrl, String appId, String appSecret, Clock clock) {
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    public String appId() {
        return appId;
    }

    @Override
    public long sendText(String puid, String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", "text");
        body.put("puid", puid);
        body.put("text", text);
        HttpResponse<String> response = sendMessage(body, token());
        if (response.statusCode() == 401) {
            invalidate();
            response = sendMessage(body, token());
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw failure(response);
        }
        JsonNode sent = read(response);
        JsonNode id = sent.path("id");
        if (!id.isNumber()) {
            throw new GatewayException(response.statusCode(), "no message id in " + response.body(), null);
        }
        return id.asLong();
    }

    /** The current access token, obtained or renewed when needed. */
    synchronized String token() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            String query = "app_id=" + encode(appId) + "&app_secret=" + encode(appSecret);
            HttpResponse<String> response =
                    call(HttpRequest.newBuilder(baseUrl.resolve("access_token?" + query)).GET());
            if (response.statusCode() != 200) {
                throw failure(response);
            }
            JsonNode answer = read(response);
            String issued = answer.path("access_token").asString("");
            if (issued.isEmpty()) {
                throw new GatewayException(response.statusCode(), "no access_token in the answer", null);
            }
            long lifetime = answer.path("expire_in").asLong(7200);
            token = issued;
            renewAt = clock.instant().plusSeconds(lifetime * 8 / 10);
        }
        return token;
    }

    private synchronized void invalidate() {
        token = null;
    }

    private HttpResponse<String> sendMessage(Map<String, String> body, String bearer) {
        return call(HttpRequest.newBuilder(baseUrl.resolve("send-message"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GatewayException(0, baseUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(0, "interrupted while calling " + baseUrl, e);
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new GatewayException(response.statusCode(), "unreadable answer: " + response.body(), e);
        }
    }

    // The contract's errors are {"errmsg": <text or list of texts>, "code": ...}; anything else is shown as is.
    private static GatewayException failure(HttpResponse<String> response) {
        String errmsg;
        try {
            JsonNode error = JSON.readTree(response.body()).path("errmsg");
            if (error.isArray()) {
                errmsg = String.join("; ", error.valueStream().map(JsonNode::asString).toList());
            } else {
                errmsg = error.isMissingNode() || error.isNull() ? response.body() : error.asString();
            }
        } catch (JacksonException notJson) {
            errmsg = response.body();
        }
        return new GatewayException(response.statusCode(), errmsg, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
