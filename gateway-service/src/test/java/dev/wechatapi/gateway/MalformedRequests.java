package dev.wechatapi.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed and odd HTTP/1.1 requests as raw bytes: bad parameters and types, huge values, broken
 * percent-encoding and UTF-8, odd methods and headers, broken JSON and multipart bodies. Every request is complete
 * and asks to close the connection, so that each one gets exactly one answer.
 */
final class MalformedRequests {

  private static final List<String> PATHS = List.of("/login", "/check-login", "/send-message", "/update",
      "/logout", "/status", "/friends", "/groups", "/members/abc", "/mps", "/messages", "/access_token",
      "/access-token", "/qrcode/wenUv4sQUw==", "/admin/apps", "/admin/apps/x/rotate-secret", "/actuator/health",
      "/", "/nothing", "/members/", "/qrcode/", "/friends/../admin/apps", "//friends", "/friends;jsessionid=1",
      "/media/", "/media/abcdefghijklmnopqrstuvwxyz234567", "/media/..%2F..%2Fetc%2Fpasswd", "/webhook",
      "/webhook/deliveries", "/webhook/deliveries/42/retry", "/webhook/deliveries/%2E%2E/retry");
  private static final List<String> METHODS = List.of("GET", "GET", "GET", "POST", "POST", "HEAD", "PUT",
      "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "G3T", "get");
  private static final List<String> PARAMETERS = List.of("page", "page_size", "sex", "create_time", "uuid",
      "type", "puid", "is_at", "ordering", "search", "app_id", "app_secret", "timestamp", "nonce", "signature",
      "expires", "sig", "name", "app", "exp", "url", "rotate_secret", "");
  private static final List<String> VALUES = List.of("-1", "0", "abc", "1e309", "99999999999999999999999",
      "%zz", "%", "%ff%fe%fd", "%C0%AF", "%00", "2020-13-45T99:99:99", "true", "null", "[]", "{}", "😀",
      "张三", "%E5%BC%A0", "+", "&&", "==", "..%2F..%2F", "<script>", "'; DROP TABLE apps; --");

  private final Random random;
  private final String validToken;
  private final String storedMediaPath;

  /** @param storedMediaId a media id that the app of {@code validToken} has in the store */
  MalformedRequests(long seed, String validToken, String storedMediaId) {
    this.random = new Random(seed);
    this.validToken = validToken;
    this.storedMediaPath = "/media/" + storedMediaId;
  }

  /** One request; {@code method} is what it claims, for reading the answer (HEAD has no body). */
  record Request(String method, byte[] bytes) {}

  Request next() {
    String method = pick(METHODS);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    write(request, method + " " + target());
    if (random.nextInt(8) == 0) {
      // Raw bytes that are not UTF-8 at all, unescaped in the request line.
      request.writeBytes(new byte[] {'&', 'r', '=', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0x80});
    }
    write(request, " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    write(request, credentials());
    for (int i = random.nextInt(4); i > 0; i--) {
      write(request, header());
    }
    // The fake services refuse GET and HEAD bodies outright (real ones ignore them), which would only measure
    // the fake; so bodies go with the other methods.
    boolean bodyAllowed = !method.equals("GET") && !method.equals("HEAD");
    byte[] body = bodyAllowed && random.nextInt(2) == 0 ? body(request) : new byte[0];
    if (body.length > 0 || random.nextBoolean()) {
      write(request, "Content-Length: " + body.length + "\r\n");
    }
    write(request, "\r\n");
    request.writeBytes(body);
    return new Request(method, request.toByteArray());
  }

  private String target() {
    StringBuilder target = new StringBuilder(random.nextInt(10) == 0 ? storedMediaPath : pick(PATHS));
    int parameters = random.nextInt(5);
    for (int i = 0; i < parameters; i++) {
      target.append(i == 0 ? '?' : '&').append(pick(PARAMETERS)).append('=').append(value());
    }
    return target.toString();
  }

  private String value() {
    return switch (random.nextInt(6)) {
      case 0 -> "x".repeat(random.nextInt(8_000));
      case 1 -> Long.toString(random.nextLong());
      default -> pick(VALUES);
    };
  }

  private String credentials() {
    return switch (random.nextInt(6)) {
      case 0 -> "Authorization: Bearer " + validToken + "\r\n";
      case 1 -> "Authorization: Bearer " + pick(VALUES) + "\r\n";
      case 2 -> "X-App-Id: " + pick(VALUES) + "\r\nX-Timestamp: " + pick(VALUES) + "\r\nX-Signature: x\r\n";
      case 3 -> "X-Admin-Token: " + pick(VALUES) + "\r\n";
      default -> "";
    };
  }

  private String header() {
    return switch (random.nextInt(9)) {
      case 0 -> "Content-Type: " + pick(List.of("application/json", "multipart/form-data", "text/plain",
          "application/x-www-form-urlencoded", "multipart/form-data; boundary=", "image/png;;;", "*/*")) + "\r\n";
      case 1 -> "Accept: " + pick(List.of("text/html", "application/xml", "*/*", "image/png", ";;")) + "\r\n";
      case 2 -> "X-Wechat-App-Id: " + pick(VALUES) + "\r\n";
      case 3 -> "X-Forwarded-Host: " + pick(VALUES) + "\r\n";
      case 4 -> "Range: bytes=" + pick(VALUES) + "\r\n";
      case 5 -> "Origin: https://evil.example\r\n";
      case 6 -> "X-Long: " + "h".repeat(random.nextInt(6_000)) + "\r\n";
      case 7 -> "Accept-Encoding: " + pick(List.of("gzip", "br", "identity;q=0", "x")) + "\r\n";
      default -> "X-Odd: " + pick(VALUES) + "\r\n";
    };
  }

  private byte[] body(ByteArrayOutputStream headers) {
    return switch (random.nextInt(5)) {
      case 0 -> ("{\"type\": " + pick(VALUES) + ", \"puid\": [" + pick(VALUES) + "}").getBytes(StandardCharsets.UTF_8);
      case 1 -> {
        write(headers, "Content-Type: multipart/form-data; boundary=b0undary\r\n");
        yield ("--b0undary\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + pick(VALUES)
            + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\u0000.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n" + "\u0089PNG".repeat(random.nextInt(100))
            + (random.nextBoolean() ? "\r\n--b0undary--\r\n" : "\r\n--wrong")).getBytes(StandardCharsets.ISO_8859_1);
      }
      case 2 -> {
        byte[] garbage = new byte[random.nextInt(20_000)];
        random.nextBytes(garbage);
        yield garbage;
      }
      case 3 -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{', '"'};
      default -> "a=%zz&b=%ff&type=text&text=".getBytes(StandardCharsets.US_ASCII);
    };
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static void write(ByteArrayOutputStream out, String text) {
    // Chinese and emoji values go out as real UTF-8; invalid bytes are added on purpose in next() and body().
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
