package dev.wechatapi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.simulator.internal.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A bare-bones web WeChat client for asserting the simulator's exact answers: raw bodies, no interpretation. */
final class RawClient {

    record Credentials(String sid, String skey, long uin, String passTicket) {

        ObjectNode baseRequest() {
            return Json.object().put("Uin", uin).put("Sid", sid).put("Skey", skey).put("DeviceID", "e123456789012345");
        }
    }

    private final String baseUrl;
    private final HttpClient http;
    private final SimulatorControl control;

    RawClient(WeChatSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
        this.control = simulator.control();
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET());
    }

    /** POSTs without a Content-Type, the way itchat does. */
    HttpResponse<String> post(String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** GET with the body as bytes and optional header name/value pairs. */
    HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return sendBytes(request, HttpRequest.BodyPublishers.noBody(), "GET");
    }

    /** POSTs a multipart body built by the test, with its boundary. */
    HttpResponse<byte[]> postMultipart(String pathAndQuery, String boundary, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        return sendBytes(request, HttpRequest.BodyPublishers.ofByteArray(body), "POST");
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest.Builder request, HttpRequest.BodyPublisher body, String method) {
        try {
            return http.send(request.method(method, body).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode postJson(String pathAndQuery, JsonNode body) {
        return Json.MAPPER.readTree(post(pathAndQuery, body.toString()).body());
    }

    String newUuid() {
        return group(Pattern.compile("uuid = \"(.+)\";$"), get("/jslogin?appid=wx782c26e4c19acffb&fun=new").body());
    }

    /** jslogin, scan and confirm through the control API, poll until 200, then webwxnewloginpage. */
    Credentials login(String accountId) {
        String uuid = newUuid();
        control.scanAndConfirm(uuid, accountId);
        String poll = get("/cgi-bin/mmwebwx-bin/login?loginicon=true&uuid=" + uuid + "&tip=0").body();
        String redirect = group(Pattern.compile("window.redirect_uri=\"(\\S+)\";"), poll);
        String xml = send(HttpRequest.newBuilder(URI.create(redirect + "&fun=new&version=v2")).GET()).body();
        return new Credentials(
                group(Pattern.compile("<wxsid>(.*)</wxsid>"), xml),
                group(Pattern.compile("<skey>(.*)</skey>"), xml),
                Long.parseLong(group(Pattern.compile("<wxuin>(.*)</wxuin>"), xml)),
                group(Pattern.compile("<pass_ticket>(.*)</pass_ticket>"), xml));
    }

    JsonNode init(Credentials credentials) {
        return postJson("/cgi-bin/mmwebwx-bin/webwxinit?r=-1", Json.object().set("BaseRequest", credentials.baseRequest()));
    }

    static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
