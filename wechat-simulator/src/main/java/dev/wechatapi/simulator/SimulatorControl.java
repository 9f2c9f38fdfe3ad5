package dev.wechatapi.simulator;

import dev.wechatapi.simulator.internal.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A Java client for the simulator's control API (documented in the module README), for tests that play the
 * phone: create accounts, scan and confirm QR codes, make friends write, read what the account sent. Works
 * against an embedded simulator and a standalone one alike.
 *
 * <pre>{@code
 * var control = new SimulatorControl(URI.create("http://127.0.0.1:8090"));
 * String accountId = control.createAccount(Map.of("nickName", "小明", "friends", 3)).get("accountId").asString();
 * control.scan(uuid, accountId);
 * control.confirm(uuid);
 * control.sendText(accountId, "张伟", "你好😀");
 * }</pre>
 *
 * Answers other than 2xx throw {@link IllegalStateException} with the simulator's error message.
 */
public final class SimulatorControl {

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SimulatorControl(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Creates an account; see the README for the fields ({@code nickName}, {@code friends}, {@code groups}, ...). */
    public JsonNode createAccount(Map<String, ?> spec) {
        return post("/control/accounts", spec);
    }

    public JsonNode account(String accountId) {
        return get("/control/accounts/" + encode(accountId));
    }

    /** The QR codes handed out, newest first. */
    public JsonNode qrCodes() {
        return get("/control/qr");
    }

    /** The uuid of the newest QR code nobody has scanned yet. */
    public String newestWaitingQr() {
        JsonNode waiting = get("/control/qr?state=waiting");
        if (waiting.isEmpty()) {
            throw new IllegalStateException("no QR code is waiting to be scanned");
        }
        return waiting.get(0).get("uuid").asString();
    }

    public JsonNode scan(String uuid, String accountId) {
        return post("/control/qr/" + encode(uuid) + "/scan", Map.of("accountId", accountId));
    }

    public JsonNode confirm(String uuid) {
        return post("/control/qr/" + encode(uuid) + "/confirm", Map.of());
    }

    /** Scans and confirms in one step. */
    public JsonNode scanAndConfirm(String uuid, String accountId) {
        return post("/control/qr/" + encode(uuid) + "/scan", Map.of("accountId", accountId, "confirm", true));
    }

    /**
     * The account's phone confirms the prompt a push login ({@code webwxpushloginurl}) showed; the login poll then
     * answers 200. Fails with 409 when no push login of the account is waiting.
     */
    public JsonNode confirmPushLogin(String accountId) {
        return post("/control/accounts/" + encode(accountId) + "/push-login/confirm", Map.of());
    }

    public JsonNode expire(String uuid) {
        return post("/control/qr/" + encode(uuid) + "/expire", Map.of());
    }

    /** A friend (by nick name, remark, alias or index) writes to the account; returns the MsgId. */
    public String sendText(String accountId, Object friend, String text) {
        return injectMessage(accountId, Map.of("from", friend, "text", text)).get("msgId").asString();
    }

    /** A group member writes in a group, optionally @-mentioning the account; returns the MsgId. */
    public String sendGroupText(String accountId, Object group, Object member, String text, boolean mentionSelf) {
        var message = new LinkedHashMap<String, Object>();
        message.put("group", group);
        message.put("member", member);
        message.put("text", text);
        message.put("mentionSelf", mentionSelf);
        return injectMessage(accountId, message).get("msgId").asString();
    }

    /** Any message the control API accepts (see the README); returns the injected message's summary. */
    public JsonNode injectMessage(String accountId, Map<String, ?> message) {
        return post("/control/accounts/" + encode(accountId) + "/messages", message);
    }

    /**
     * Injects {@code message} (a body as for {@link #injectMessage}) {@code ratePerSecond} times a second for
     * {@code durationSeconds}: {@code round(rate × duration)} messages, the first at once. {@code {n}} in its
     * {@code text} or {@code content} becomes the message's number in the stream. Returns the stream's progress,
     * with its {@code streamId}.
     */
    public JsonNode startMessageStream(String accountId, double ratePerSecond, double durationSeconds, Map<String, ?> message) {
        return post("/control/accounts/" + encode(accountId) + "/message-streams",
                Map.of("ratePerSecond", ratePerSecond, "durationSeconds", durationSeconds, "message", message));
    }

    /** A stream's progress: {@code total}, {@code injected}, {@code state} (running, completed, stopped, failed). */
    public JsonNode messageStream(String streamId) {
        return get("/control/message-streams/" + encode(streamId));
    }

    /** Every message stream, newest first. */
    public JsonNode messageStreams() {
        return get("/control/message-streams");
    }

    /** Stops a stream; what it injected stays. */
    public JsonNode stopMessageStream(String streamId) {
        return call(HttpRequest.newBuilder(baseUrl.resolve("/control/message-streams/" + encode(streamId))).DELETE());
    }

    /** What the account sent through its web sessions, oldest first. */
    public JsonNode sent(String accountId) {
        return get("/control/accounts/" + encode(accountId) + "/sent");
    }

    /** Ends the account's web session as the phone would; synccheck then answers retcode 1101. */
    public JsonNode logout(String accountId) {
        return post("/control/accounts/" + encode(accountId) + "/logout", Map.of());
    }

    /** Ends the account's web session with a chosen retcode: 1100, 1101 or 1102. */
    public JsonNode logout(String accountId, int retcode) {
        return post("/control/accounts/" + encode(accountId) + "/logout", Map.of("retcode", retcode));
    }

    /** Makes the account's next {@code count} sends fail with {@code Ret = ret} (1205: too frequent). */
    public JsonNode failNextSends(String accountId, int ret, int count) {
        return post("/control/accounts/" + encode(accountId) + "/send-failures", Map.of("ret", ret, "count", count));
    }

    /** The phone adds a friend ({@code nickName}, {@code remarkName}, {@code sex}, ...); the next sync reports it. */
    public JsonNode addFriend(String accountId, Map<String, ?> friend) {
        return post("/control/accounts/" + encode(accountId) + "/friends", friend);
    }

    /** Changes a friend's profile fields (nick name, remark, signature, ...); the next sync reports it. */
    public JsonNode modifyFriend(String accountId, Object friend, Map<String, ?> changes) {
        return post("/control/accounts/" + encode(accountId) + "/friends/" + encode(String.valueOf(friend)), changes);
    }

    /** The friend is deleted on the phone; the next sync lists them in DelContactList. */
    public JsonNode deleteFriend(String accountId, Object friend) {
        return call(HttpRequest.newBuilder(baseUrl.resolve("/control/accounts/" + encode(accountId) + "/friends/"
                + encode(String.valueOf(friend)))).DELETE());
    }

    /**
     * Renames a group or changes its members: {@code {"topic": ..., "add": [names or {"nickName": ...}],
     * "remove": [members]}}; the next sync carries the group with its new member list.
     */
    public JsonNode changeGroup(String accountId, Object group, Map<String, ?> changes) {
        return post("/control/accounts/" + encode(accountId) + "/groups/" + encode(String.valueOf(group)), changes);
    }

    /**
     * Switches the UOS gate: while required, a login without the UOS desktop client's {@code extspam} header answers
     * ret 1203 ({@code 为了保障你的账号安全，暂不支持使用网页版微信}).
     */
    public JsonNode requireUosGate(boolean required) {
        return post("/control/uos-gate", Map.of("required", required));
    }

    /** From now on web login of the account answers ret 1203 with {@code message} (null lifts the block). */
    public JsonNode blockLogin(String accountId, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("message", message);
        return post("/control/accounts/" + encode(accountId) + "/login-block", body);
    }

    /**
     * Makes the next {@code count} protocol calls (those whose path ends with {@code endpoint}, or all when it is
     * null) misbehave: wait {@code delayMs}, then drop the connection without an answer, or answer with only
     * the first half of the body ({@code truncate}).
     */
    public JsonNode fault(String endpoint, long delayMs, boolean drop, boolean truncate, int count) {
        var body = new LinkedHashMap<String, Object>();
        body.put("endpoint", endpoint);
        body.put("delayMs", delayMs);
        body.put("drop", drop);
        body.put("truncate", truncate);
        body.put("count", count);
        return post("/control/faults", body);
    }

    /** Forgets every fault not yet used up. */
    public JsonNode clearFaults() {
        return call(HttpRequest.newBuilder(baseUrl.resolve("/control/faults")).DELETE());
    }

    private JsonNode get(String path) {
        return call(HttpRequest.newBuilder(baseUrl.resolve(path)).GET());
    }

    private JsonNode post(String path, Map<String, ?> body) {
        byte[] json = Json.MAPPER.writeValueAsBytes(body);
        return call(HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("simulator answered " + response.statusCode() + ": " + body);
            }
            return Json.MAPPER.readTree(body);
        } catch (IOException unreachable) {
            throw new UncheckedIOException("simulator at " + baseUrl + " unreachable", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the simulator", interrupted);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
