package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.ARCHIVE_SERVICE;
import static dev.wechatapi.gateway.GatewayTestEnvironment.SESSION_SERVICE;

import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every endpoint of the contract that the gateway forwards to a service, with a success and an error answer of that
 * service in the contract's shapes, and how to call it.
 */
final class PublicEndpoints {

  /** The puid every request body names, so that a test can recognise the body the service received. */
  static final String PUID = "puid-of-b";

  private static final String EMPTY_PAGE = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}";
  private static final String DELIVERY = "{\"id\":42,\"message_id\":7,\"message_id_str\":\"7\","
      + "\"event_type\":\"message.received\",\"status\":\"retrying\",\"attempts\":0,\"last_status_code\":502,"
      + "\"last_error\":\"Bad Gateway\",\"created\":\"2026-01-02T03:04:05\",\"next_attempt\":\"2026-01-02T03:05:05\","
      + "\"delivered\":null}";
  private static final String WEBHOOK = "{\"url\":\"https://a.example/hook\",\"created\":\"2026-01-02T03:04:05\","
      + "\"updated\":\"2026-01-02T03:04:05\"}";
  private static final String SENT = "{\"id\":1,\"id_str\":\"1\",\"content\":{\"message\":1,\"text\":\"你好\"},"
      + "\"type\":{\"sender\":\"wxusermodel\",\"receiver\":\"wxusermodel\"},\"create_time\":\"2026-01-02T03:04:05\","
      + "\"receive_time\":\"2026-01-02T03:04:05\",\"is_at\":false,\"sender_puid\":\"me\",\"receiver_puid\":\"" + PUID
      + "\",\"member\":null,\"msg_type\":\"Text\"}";
  private static final String MESSAGE = "{\"id\":7234567890123456789,\"id_str\":\"7234567890123456789\","
      + "\"content\":{\"message\":7234567890123456789,\"text\":\"你好\"},"
      + "\"type\":{\"sender\":\"wxusermodel\",\"receiver\":\"wxusermodel\"},\"create_time\":\"2026-01-02T03:04:05\","
      + "\"receive_time\":\"2026-01-02T03:04:06\",\"is_at\":false,\"sender_puid\":\"" + PUID
      + "\",\"receiver_puid\":\"me\",\"member\":null,\"msg_type\":\"Text\"}";
  private static final String OFFLINE = "{\"errmsg\":\"微信号不在线!\",\"code\":\"offline\"}";
  private static final String BAD_FILTER = "{\"errmsg\":[\"page: 无效页面。\"],\"code\":\"invalid_parameter\"}";
  private static final String NOT_FOUND = "{\"errmsg\":\"未找到。\",\"code\":\"not_found\"}";

  /** How a call carries its parameters. */
  enum Body { NONE, JSON, MULTIPART }

  /**
   * A forwarded endpoint.
   *
   * @param answer the service's success answer; {@code login} stands for a fresh /login answer
   * @param error the service's error answer for a call it refuses, passed through unchanged
   */
  record Endpoint(HttpMethod method, String path, Body body, MockWebServer service, int status, String answer,
      int errorStatus, String error) {

    /** The other fake service, which must never see this endpoint's calls. */
    MockWebServer otherService() {
      return service == SESSION_SERVICE ? ARCHIVE_SERVICE : SESSION_SERVICE;
    }

    /** The service's success answer (a /login answer has a fresh uuid each time). */
    String successAnswer() {
      return answer.equals("login") ? loginAnswer(uuid("Login")) : answer;
    }

    @Override
    public String toString() {
      return method + " " + path + (body == Body.NONE ? "" : " (" + body.name().toLowerCase(Locale.ROOT) + ")");
    }
  }

  private PublicEndpoints() {}

  static Stream<Endpoint> forwarded() {
    return Stream.of(
        session(HttpMethod.GET, "/login", Body.NONE, 200, "login", 409,
            "{\"errmsg\":\"已登录，无需扫码。\",\"code\":\"already_logged_in\"}"),
        session(HttpMethod.GET, "/check-login", Body.NONE, 200, "{\"status\":\"408\",\"alive\":null,\"avatar\":null}",
            404, "{\"errmsg\":\"未找到对应uuid的匹配对象!\",\"code\":\"unknown_uuid\"}"),
        session(HttpMethod.POST, "/send-message", Body.JSON, 201, SENT, 400,
            "{\"errmsg\":\"非法的消息类型!\",\"code\":\"invalid_type\"}"),
        session(HttpMethod.POST, "/send-message", Body.MULTIPART, 201, SENT, 400, OFFLINE),
        session(HttpMethod.GET, "/update", Body.NONE, 201, "{\"msg\":\"更新成功!\"}", 400, OFFLINE),
        session(HttpMethod.POST, "/logout", Body.NONE, 200, "{\"msg\":\"已退出登录。\"}", 400, OFFLINE),
        session(HttpMethod.GET, "/status", Body.NONE, 200,
            "{\"state\":\"online\",\"alive\":true,\"account\":{\"puid\":\"me\",\"name\":\"我😀\"},"
                + "\"last_sync\":\"2026-01-02T03:04:05\"}",
            503, "{\"errmsg\":\"会话服务暂不可用。\",\"code\":\"unavailable\"}"),
        archive(HttpMethod.GET, "/friends", Body.NONE, 200, EMPTY_PAGE, 400, BAD_FILTER),
        archive(HttpMethod.GET, "/groups", Body.NONE, 200, EMPTY_PAGE, 400, BAD_FILTER),
        archive(HttpMethod.GET, "/members/group-of-b", Body.NONE, 200, EMPTY_PAGE, 404,
            "{\"errmsg\":\"未找到该群。\",\"code\":\"not_found\"}"),
        archive(HttpMethod.GET, "/mps", Body.NONE, 200, EMPTY_PAGE, 400, BAD_FILTER),
        archive(HttpMethod.GET, "/messages", Body.NONE, 200, EMPTY_PAGE, 400,
            "{\"errmsg\":[\"create_time: 无效的时间。\"],\"code\":\"invalid_parameter\"}"),
        archive(HttpMethod.GET, "/messages/7234567890123456789", Body.NONE, 200, MESSAGE, 404, NOT_FOUND),
        archive(HttpMethod.GET, "/webhook", Body.NONE, 200, WEBHOOK, 404, NOT_FOUND),
        archive(HttpMethod.PUT, "/webhook", Body.JSON, 200,
            "{\"url\":\"https://a.example/hook\",\"secret\":\"s3cret\",\"created\":\"2026-01-02T03:04:05\","
                + "\"updated\":\"2026-01-02T03:04:05\"}",
            400, "{\"errmsg\":[\"url: 无效的URL。\"],\"code\":\"invalid_parameter\"}"),
        archive(HttpMethod.DELETE, "/webhook", Body.NONE, 200, "{\"msg\":\"删除成功!\"}", 404, NOT_FOUND),
        archive(HttpMethod.GET, "/webhook/deliveries", Body.NONE, 200,
            "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[" + DELIVERY + "]}", 400,
            "{\"errmsg\":[\"status: must be one of retrying, delivered, parked\"],\"code\":\"invalid_parameter\"}"),
        archive(HttpMethod.POST, "/webhook/deliveries/42/retry", Body.NONE, 202, DELIVERY, 409,
            "{\"errmsg\":\"delivery 42 is delivered; only parked deliveries can be retried\",\"code\":\"not_parked\"}"));
  }

  /** Calls the endpoint with these query parameters and headers (and its body, if it has one). */
  static WebTestClient.ResponseSpec call(WebTestClient client, Endpoint endpoint, MultiValueMap<String, String> query,
      HttpHeaders headers) {
    WebTestClient.RequestBodySpec request = client.method(endpoint.method())
        .uri(builder -> builder.path(endpoint.path()).queryParams(query).queryParam("uuid", "uuid-of-b").build())
        .headers(sent -> sent.addAll(headers));
    return switch (endpoint.body()) {
      case JSON -> request.contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"type\":\"text\",\"puid\":\"" + PUID + "\",\"text\":\"你好\",\"url\":\"https://a.example/hook\"}")
          .exchange();
      case MULTIPART -> request.body(BodyInserters.fromMultipartData(multipart().build())).exchange();
      case NONE -> request.exchange();
    };
  }

  static String loginAnswer(String uuid) {
    return "{\"uuid\":\"" + uuid + "\",\"status\":\"0\",\"qrcode\":\"https://login.weixin.qq.com/qrcode/" + uuid
        + "\"}";
  }

  /** A QR login uuid of the shape WeChat's have, unique to the call. */
  static String uuid(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static MultipartBodyBuilder multipart() {
    MultipartBodyBuilder multipart = new MultipartBodyBuilder();
    multipart.part("type", "image");
    multipart.part("puid", PUID);
    multipart.part("file", new ByteArrayResource(new byte[1024]) {
      @Override
      public String getFilename() {
        return "b.png";
      }
    }).contentType(MediaType.IMAGE_PNG);
    return multipart;
  }

  private static Endpoint session(HttpMethod method, String path, Body body, int status, String answer,
      int errorStatus, String error) {
    return new Endpoint(method, path, body, SESSION_SERVICE, status, answer, errorStatus, error);
  }

  private static Endpoint archive(HttpMethod method, String path, Body body, int status, String answer,
      int errorStatus, String error) {
    return new Endpoint(method, path, body, ARCHIVE_SERVICE, status, answer, errorStatus, error);
  }
}
