package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.WeChatException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs HTTP calls and turns what can go wrong into typed failures: I/O and 5xx are
 * {@link WeChatException.Unreachable}, anything unparseable a {@link WeChatException.ProtocolError}. Long polls
 * go through a client with a longer read timeout that shares the connection pool.
 */
public final class WebCalls {

    /** A status, headers and the body decoded as UTF-8 (WeChat's charset whatever the Content-Type says). */
    public record Answer(int code, Headers headers, String body) {

        boolean isSuccessful() {
            return code >= 200 && code < 300;
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType JSON_UTF8 = MediaType.get("application/json; charset=utf-8");
    private static final Logger log = LoggerFactory.getLogger(WebCalls.class);

    private final OkHttpClient client;
    private final OkHttpClient longPolls;

    public WebCalls(OkHttpClient client, Duration longPollTimeout) {
        this.client = client;
        this.longPolls = client.newBuilder().readTimeout(longPollTimeout).callTimeout(longPollTimeout.plusSeconds(5)).build();
    }

    /** A status, headers and the raw body (downloads). */
    public record BinaryAnswer(int code, Headers headers, byte[] body) {}

    /** Any status; the caller decides what it accepts. */
    public Answer execute(Request request, boolean longPoll) throws WeChatException {
        BinaryAnswer answer = executeBinary(request, longPoll);
        return new Answer(answer.code(), answer.headers(), new String(answer.body(), StandardCharsets.UTF_8));
    }

    /** Any status, the body as bytes. */
    public BinaryAnswer executeBinary(Request request, boolean longPoll) throws WeChatException {
        String call = callName(request.url());
        try (Response response = (longPoll ? longPolls : client).newCall(request).execute()) {
            byte[] body = response.body().bytes();
            log.debug("{} {} -> {}", request.method(), call, response.code());
            return new BinaryAnswer(response.code(), response.headers(), body);
        } catch (IOException ioFailure) {
            if (ioFailure instanceof InterruptedIOException && "interrupted".equals(ioFailure.getMessage())) {
                // Okio consumed the thread's interrupt to abort the call; whoever interrupted us must still see it.
                Thread.currentThread().interrupt();
            }
            // An attempt to communicate with the server failed; the request may have been sent.
            throw new WeChatException.Unreachable(call + " failed: " + ioFailure, ioFailure);
        }
    }

    /** The body of a 2xx answer. */
    public String text(Request request, boolean longPoll) throws WeChatException {
        return requireSuccess(execute(request, longPoll), callName(request.url())).body();
    }

    public String getText(HttpUrl url, boolean longPoll) throws WeChatException {
        return text(new Request.Builder().url(url).get().build(), longPoll);
    }

    /** POSTs JSON and parses the JSON answer (which WeChat labels text/plain). */
    public JsonNode postJson(HttpUrl url, JsonNode body) throws WeChatException {
        Request request = new Request.Builder()
                .url(url)
                .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_UTF8))
                .build();
        return parse(text(request, false), callName(url));
    }

    public JsonNode getJson(HttpUrl url) throws WeChatException {
        return parse(getText(url, false), callName(url));
    }

    static JsonNode parse(String body, String call) throws WeChatException {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw new WeChatException.ProtocolError(call + " answered something other than a JSON object", null);
            }
            return json;
        } catch (JacksonException malformed) {
            throw new WeChatException.ProtocolError(call + " answered malformed JSON: " + malformed.getOriginalMessage(), malformed);
        }
    }

    static Answer requireSuccess(Answer answer, String call) throws WeChatException {
        if (answer.isSuccessful()) {
            return answer;
        }
        if (answer.code() >= 500) {
            throw new WeChatException.Unreachable(call + " answered HTTP " + answer.code(), null);
        }
        throw new WeChatException.ProtocolError(call + " answered HTTP " + answer.code(), null);
    }

    static String callName(HttpUrl url) {
        var segments = url.pathSegments();
        return segments.isEmpty() || segments.getLast().isEmpty() ? url.encodedPath() : segments.getLast();
    }
}
